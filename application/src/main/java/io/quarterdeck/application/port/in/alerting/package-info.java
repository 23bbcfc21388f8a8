/** Use cases of alerting: rules and thresholds, alerts, evaluation, the Alertmanager intake. */
package io.quarterdeck.application.port.in.alerting;
