/** Seed 004's registered servers at {@code /api/v1/servers}. */
package io.quarterdeck.adapters.rest.apiv1.servers;
