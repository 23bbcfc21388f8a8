/** The local host's resources read from Linux's /proc and the file system. */
package io.quarterdeck.adapters.observability.sampler;
