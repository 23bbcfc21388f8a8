/** Host metrics: sampling, history with downsampling, and live samples. */
package io.quarterdeck.application.metrics;
