/** Alerting services: rule management, the evaluator (one claim per rule per tick), the Alertmanager intake. */
package io.quarterdeck.application.alerting;
