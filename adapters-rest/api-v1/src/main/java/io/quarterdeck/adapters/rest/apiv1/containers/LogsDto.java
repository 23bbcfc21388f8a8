package io.quarterdeck.adapters.rest.apiv1.containers;

/** Seed 000's logs: {@code {"logs": "..."}}, one line per line, each starting with its RFC 3339 timestamp. */
public record LogsDto(String logs) {
}
