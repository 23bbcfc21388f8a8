/** Use cases of service monitoring: current service health with uptime from stored checks. */
package io.quarterdeck.application.port.in.monitoring;
