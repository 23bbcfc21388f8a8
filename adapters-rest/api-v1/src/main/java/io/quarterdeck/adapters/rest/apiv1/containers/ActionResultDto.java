package io.quarterdeck.adapters.rest.apiv1.containers;

/** Seed 000's answer to an action: {@code {"success": true, "message": "Container restarted successfully"}}. */
public record ActionResultDto(boolean success, String message) {
}
