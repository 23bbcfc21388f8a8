/** Out-port of service monitoring: the stored history of dependency checks. */
package io.quarterdeck.application.port.out.monitoring;
