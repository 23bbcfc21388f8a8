/** Error tracking: reports, their fingerprinted groups, individual occurrences, scrubbing and aggregation rules. */
package io.quarterdeck.domain.errors;
