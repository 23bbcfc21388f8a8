package io.quarterdeck.server.archfixture;

/** Deliberately wrong: an endpoint placed in the composition root, which is not exempt from the rules. */
@jakarta.ws.rs.Path("/server-fixture")
public class ServerWithResource {
    @jakarta.ws.rs.GET
    public String get() {
        return "";
    }
}
