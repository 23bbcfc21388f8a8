package io.quarterdeck.domain.containers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One container of an engine: its id, name (without the engine's leading slash), image, state, creation time,
 * published ports as {@code host:container[/proto]} and its resource usage ({@link ResourceUsage#NONE} when it is
 * not running or its stats did not arrive in time).
 */
public record Container(String id, String name, String image, ContainerState state, Instant created,
                        List<String> ports, ResourceUsage resources) {
    public Container {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name.startsWith("/") ? name.substring(1) : name;
        image = image == null ? "" : image;
        Objects.requireNonNull(state, "state");
        ports = List.copyOf(ports);
        resources = resources == null ? ResourceUsage.NONE : resources;
    }

    public Container withResources(ResourceUsage usage) {
        return new Container(id, name, image, state, created, ports, usage);
    }

    /** Does a reference (full id, an id prefix of 12 or more characters, or the name) address this container? */
    public boolean isAddressedBy(String reference) {
        return reference.equals(id) || reference.equals(name) || (reference.length() >= 12 && id.startsWith(reference));
    }
}
