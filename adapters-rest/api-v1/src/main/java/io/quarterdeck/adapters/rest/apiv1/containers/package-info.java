/** Seed 000's containers of the local engine at {@code /api/v1/containers}, and what the container surfaces share. */
package io.quarterdeck.adapters.rest.apiv1.containers;
