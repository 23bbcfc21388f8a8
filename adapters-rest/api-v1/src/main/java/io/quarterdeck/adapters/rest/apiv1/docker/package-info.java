/** Seed 004's Docker operations per registered server at {@code /api/v1/docker/{server_id}/containers}. */
package io.quarterdeck.adapters.rest.apiv1.docker;
