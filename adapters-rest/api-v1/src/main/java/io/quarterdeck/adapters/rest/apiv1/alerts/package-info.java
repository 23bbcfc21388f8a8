/** Seeds 004 and 000 alerts under {@code /api/v1}: active alerts, metric thresholds, the Alertmanager intake. */
package io.quarterdeck.adapters.rest.apiv1.alerts;
