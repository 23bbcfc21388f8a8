package io.quarterdeck.adapters.rest.healthmonitor;

/** The Health Monitor's success wrapper: {@code {"data": ..., "status": "success"}}. */
public record Envelope<T>(T data, String status) {
    public static <T> Envelope<T> success(T data) {
        return new Envelope<>(data, "success");
    }
}
