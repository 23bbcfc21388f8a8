package io.quarterdeck.adapters.rest.apiv1.containers;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ResourceUsage;
import java.util.List;

/** Seed 000's container: {@code id, name, image, status, created, ports, resources}. */
public record ContainerDto(String id, String name, String image, String status, String created, List<String> ports,
                           ResourcesDto resources) {
    public static ContainerDto from(Container c) {
        return new ContainerDto(c.id(), c.name(), c.image(), c.state().wireName(),
                c.created() == null ? null : Times.format(c.created()), c.ports(), ResourcesDto.from(c.resources()));
    }

    /** {@code cpu_percent, memory_mb, memory_percent, network_rx_mb, network_tx_mb}. */
    public record ResourcesDto(double cpuPercent, double memoryMb, double memoryPercent, double networkRxMb,
                               double networkTxMb) {
        static ResourcesDto from(ResourceUsage u) {
            return new ResourcesDto(u.cpuPercent(), u.memoryMb(), u.memoryPercent(), u.networkRxMb(), u.networkTxMb());
        }
    }
}
