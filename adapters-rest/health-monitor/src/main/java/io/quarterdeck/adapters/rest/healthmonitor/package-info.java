/**
 * The Health Monitor contract (seed 001): error tracking under /api, its settings, its envelope, the /ws live
 * feed, and /health with the product's /health/live and /health/ready.
 */
package io.quarterdeck.adapters.rest.healthmonitor;
