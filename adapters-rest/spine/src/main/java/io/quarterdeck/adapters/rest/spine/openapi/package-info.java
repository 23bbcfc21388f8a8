/** The OpenAPI document at {@code /openapi}: each surface's error shape and 4xx answers, response schemas read from the DTO records. */
package io.quarterdeck.adapters.rest.spine.openapi;
