/** Host metrics: one sample of a server's CPU, memory, disk, network and load, and the history's resolutions. */
package io.quarterdeck.domain.metrics;
