package io.quarterdeck.domain.containers;

import java.util.Locale;

/** How a server's engine answered the last time Quarterdeck contacted it: never yet, yes, or not. */
public enum ServerStatus {
    UNKNOWN, ONLINE, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServerStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
