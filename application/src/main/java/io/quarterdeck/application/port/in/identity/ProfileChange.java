package io.quarterdeck.application.port.in.identity;

/** New values for a person's own profile; a null field stays as it is. */
public record ProfileChange(String email, String fullName) {
}
