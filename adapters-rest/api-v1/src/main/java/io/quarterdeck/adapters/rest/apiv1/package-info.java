/** The /api/v1 surface (seeds 000, 003, 004): its error shape. */
package io.quarterdeck.adapters.rest.apiv1;
