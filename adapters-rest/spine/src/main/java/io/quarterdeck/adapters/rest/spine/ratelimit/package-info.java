/**
 * Rate limits (Bucket4j token buckets): per client address for sign-in and for requests without valid credentials,
 * per caller for authenticated requests, per API key for ingestion; resource methods choose with
 * {@link io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited}.
 */
package io.quarterdeck.adapters.rest.spine.ratelimit;
