/** JDBC stores of alerting, incidents, notifications and error analytics (tables of migration V8). */
package io.quarterdeck.adapters.persistence.alerting;
