/** What error tracking needs from outside the core: group and occurrence stores, the live-event publisher. */
package io.quarterdeck.application.port.out.errors;
