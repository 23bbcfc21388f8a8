/** The Health Monitor contract (seed 001): error tracking under /api and its envelope. */
package io.quarterdeck.adapters.rest.healthmonitor;
