/** What log collection and queries need from outside the core: the store, container log streams. */
package io.quarterdeck.application.port.out.logs;
