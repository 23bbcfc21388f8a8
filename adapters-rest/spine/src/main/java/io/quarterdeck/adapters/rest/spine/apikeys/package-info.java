/** The API key wire format shared by the surfaces that manage keys (seed 001's settings and /api/v1). */
package io.quarterdeck.adapters.rest.spine.apikeys;
