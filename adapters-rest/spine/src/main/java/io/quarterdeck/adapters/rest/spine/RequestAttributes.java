package io.quarterdeck.adapters.rest.spine;

/** Names of request properties that filters, resources and mappers leave for the audit log. */
public final class RequestAttributes {
    /** Why credentials or access were refused; for the audit log only, never shown to the client. */
    public static final String REFUSAL = "quarterdeck.audit.refusal";
    /** Who a sign-in attempt claimed to be (there is no authenticated caller yet). */
    public static final String CLAIMED_ACTOR = "quarterdeck.audit.claimed-actor";
    /** What a write did, in words without secrets (e.g. "created API key ci (read)"). */
    public static final String SUMMARY = "quarterdeck.audit.summary";

    private RequestAttributes() {
    }
}
