/**
 * What every WebSocket endpoint shares: one way to authenticate (API-MAP: a credential on the upgrade request, or a
 * first {@code {"type":"auth","token":...}} message within 5 s) and a bounded, drop-oldest sender for feeds.
 */
package io.quarterdeck.adapters.rest.spine.socket;
