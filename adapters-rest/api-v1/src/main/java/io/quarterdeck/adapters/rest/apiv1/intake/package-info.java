/**
 * Intakes that speak other products' wire formats (API-MAP "Intakes beyond the seeds"): Loki's push API at
 * {@code /loki/api/v1/push}. They live in the api-v1 module because they feed the data {@code /api/v1} serves; their
 * errors are in the root surface's shape, as for any path outside a seed's mount.
 */
package io.quarterdeck.adapters.rest.apiv1.intake;
