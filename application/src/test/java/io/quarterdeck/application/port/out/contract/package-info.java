/**
 * Contract tests every implementation of an out-port must pass: the in-memory adapters here, the JPA adapters on
 * H2 and on PostgreSQL. Shipped in the test jar so adapter modules can extend them.
 */
package io.quarterdeck.application.port.out.contract;
