/** What host metrics need from outside the core: a sampler of the host, and the stored history. */
package io.quarterdeck.application.port.out.metrics;
