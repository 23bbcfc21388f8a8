package io.quarterdeck.domain.errors;

/** What the server knows about the reporting client: its user agent and (proxy-resolved) address. */
public record ClientInfo(String userAgent, String ipAddress) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        if (userAgent != null && userAgent.length() > 1024) {
            userAgent = userAgent.substring(0, 1024);
        }
        if (ipAddress != null && ipAddress.length() > 64) {
            throw new IllegalArgumentException("ip address too long");
        }
    }
}
