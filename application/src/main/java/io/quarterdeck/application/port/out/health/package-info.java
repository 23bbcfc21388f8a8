/** What health checks need from outside the core: probes of the real services. */
package io.quarterdeck.application.port.out.health;
