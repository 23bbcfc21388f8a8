/** What log collection needs from outside the core. */
package io.quarterdeck.application.port.out.logs;
