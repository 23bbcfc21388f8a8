/** Seed 001 sections 3, 5 and 6 (integrations): alert rules, incidents, integrations, statistics and trends. */
package io.quarterdeck.adapters.rest.healthmonitor.alerting;
