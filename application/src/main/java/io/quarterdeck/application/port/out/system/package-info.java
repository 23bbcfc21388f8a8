/** Out-ports of the system configuration: where settings come from and are applied, and where runtime changes are kept. */
package io.quarterdeck.application.port.out.system;
