package io.quarterdeck.server;

/** A CDI event: a runtime-changeable setting took a new value (already validated and stored). */
record RuntimeSettingChanged(ConfigKey key, String value) {
}
