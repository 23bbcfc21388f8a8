package io.quarterdeck.application.port.in.errors;

import java.util.List;
import java.util.Map;

/**
 * One error as a client reported it, plus what the transport knows about the client. Values are not validated
 * yet; the use case validates them and names the first field that is wrong.
 */
public record IngestErrorCommand(String level, String message, String stackTrace, Map<String, Object> context,
                                 String source, String environment, String url, List<String> fingerprint,
                                 String userAgent, String ipAddress) {
}
