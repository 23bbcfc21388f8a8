/** Alert rules (conditions over error events and metrics), the alerts they raise, and the evaluation decision. */
package io.quarterdeck.domain.alerting;
