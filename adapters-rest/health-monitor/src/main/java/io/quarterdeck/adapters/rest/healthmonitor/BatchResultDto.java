package io.quarterdeck.adapters.rest.healthmonitor;

/** One item's result: its index, a status (201, 400 or 413), and the error group or the reason it was refused. */
public record BatchResultDto(int index, int status, ErrorDto data, String error) {
}
