package io.quarterdeck.adapters.rest.spine.socket;

/**
 * How many sockets of one kind a caller may hold at once, read once at start by the composition root.
 *
 * @param dashboardPerUser {@code quarterdeck.ws.dashboard-sockets-per-user}: open {@code /api/v1/ws/dashboard}
 *                         sockets per caller (a person, a service or an API key); one more is closed with 1008
 */
public record SocketLimits(int dashboardPerUser) {
    public SocketLimits {
        if (dashboardPerUser < 1) {
            throw new IllegalArgumentException(
                    "quarterdeck.ws.dashboard-sockets-per-user must be 1 or more, not " + dashboardPerUser);
        }
    }

    /** The defaults of the keys. */
    public static SocketLimits defaults() {
        return new SocketLimits(10);
    }
}
