/** Out-ports of alerting: rules, alerts, the counts and readings rules are evaluated against. */
package io.quarterdeck.application.port.out.alerting;
