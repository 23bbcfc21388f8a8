/** The Cluster AI dashboard's contract (seed 002), mounted at /cluster-ai. */
package io.quarterdeck.adapters.rest.clusterai;
