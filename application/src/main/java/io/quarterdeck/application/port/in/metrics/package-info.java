/** In-ports of host metrics: the latest sample, history, sampling and downsampling, live samples. */
package io.quarterdeck.application.port.in.metrics;
