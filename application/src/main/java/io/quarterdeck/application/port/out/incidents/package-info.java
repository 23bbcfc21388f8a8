/** Out-port of incidents: their storage. */
package io.quarterdeck.application.port.out.incidents;
