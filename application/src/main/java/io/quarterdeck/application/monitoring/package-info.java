/** Service monitoring: probes every dependency, stores the results, answers uptime from them. */
package io.quarterdeck.application.monitoring;
