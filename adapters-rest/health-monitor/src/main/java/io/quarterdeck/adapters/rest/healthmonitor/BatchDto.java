package io.quarterdeck.adapters.rest.healthmonitor;

import java.util.List;

/** The answer to an array of reports: one result per item, and how many were accepted and rejected. */
public record BatchDto(List<BatchResultDto> results, int accepted, int rejected) {
}
