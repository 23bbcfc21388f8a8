package io.quarterdeck.application.containers;

import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import java.util.Set;

/** API-MAP's role table for containers and servers, checked in the use cases (REST declares the same). */
final class Access {
    private Access() {
    }

    static void read(Caller caller) {
        require(caller, Role.VIEWER, Set.of(Scope.READ), "read containers");
    }

    static void operate(Caller caller) {
        require(caller, Role.OPERATOR, Set.of(Scope.OPERATE), "act on containers");
    }

    static void terminal(Caller caller) {
        require(caller, Role.ADMIN, Set.of(), "open container terminals");
    }

    static void manageServers(Caller caller) {
        require(caller, Role.ADMIN, Set.of(), "manage servers");
    }

    private static void require(Caller caller, Role role, Set<Scope> scopes, String what) {
        if (caller == null || !caller.mayAccess(role, scopes)) {
            throw new NotPermittedException("Only " + role.wireName() + " and above may " + what);
        }
    }
}
