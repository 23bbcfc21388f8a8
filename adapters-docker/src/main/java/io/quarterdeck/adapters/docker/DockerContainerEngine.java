package io.quarterdeck.adapters.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.containers.ResourceUsage;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One Docker Engine endpoint through docker-java. Two clients share the endpoint: one for request/response calls,
 * bounded by the call timeout, and one without a response timeout for streams (log follows, terminals, stats,
 * which the engine takes about a second to sample). Created once per endpoint by {@link DockerEngines}.
 */
final class DockerContainerEngine implements ContainerEngine, AutoCloseable {
    private final String server;
    private final DockerSettings settings;
    private final DockerClient calls;
    private final DockerClient streams;

    DockerContainerEngine(String server, EngineEndpoint endpoint, DockerSettings settings) {
        this(server, settings, client(endpoint, settings, true), client(endpoint, settings, false));
    }

    private DockerContainerEngine(String server, DockerSettings settings, DockerClient calls, DockerClient streams) {
        this.server = server;
        this.settings = settings;
        this.calls = calls;
        this.streams = streams;
    }

    /** The same clients, naming another server in errors (two servers may share an endpoint). */
    DockerContainerEngine as(String serverId) {
        return serverId.equals(server) ? this : new DockerContainerEngine(serverId, settings, calls, streams);
    }

    private static DockerClient client(EngineEndpoint endpoint, DockerSettings settings, boolean bounded) {
        String host = endpoint.url();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                .withDockerTlsVerify(false).build(); // TLS is the HTTP client's (PemSslConfig), not read from DOCKER_* variables
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
                .maxConnections(settings.maxConnections()).connectionTimeout(settings.connectTimeout());
        if (endpoint.usesTls()) {
            http.sslConfig(new PemSslConfig(endpoint.tls()));
        }
        if (bounded) {
            http.responseTimeout(settings.callTimeout());
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    @Override
    public List<Container> containers() {
        List<com.github.dockerjava.api.model.Container> listed = call(null,
                () -> calls.listContainersCmd().withShowAll(true).exec());
        List<Container> out = new ArrayList<>(listed.size());
        List<CompletableFuture<ResourceUsage>> usage = new ArrayList<>(listed.size());
        List<StatsCallback> callbacks = new ArrayList<>();
        for (var c : listed) {
            Container container = toContainer(c);
            out.add(container);
            if (container.state() == ContainerState.RUNNING) {
                StatsCallback cb = new StatsCallback();
                callbacks.add(cb);
                try {
                    streams.statsCmd(c.getId()).withNoStream(true).exec(cb);
                } catch (RuntimeException e) {
                    cb.result.complete(ResourceUsage.NONE);
                }
                usage.add(cb.result);
            } else {
                usage.add(CompletableFuture.completedFuture(ResourceUsage.NONE));
            }
        }
        long deadline = System.nanoTime() + settings.statsTimeout().toNanos();
        for (int i = 0; i < out.size(); i++) {
            ResourceUsage u;
            try {
                u = usage.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                u = ResourceUsage.NONE;
            } catch (Exception e) {
                u = ResourceUsage.NONE; // late or failed: listed without usage rather than stalling the list
            }
            out.set(i, out.get(i).withResources(u));
        }
        for (StatsCallback cb : callbacks) {
            cb.closeQuietly();
        }
        return out;
    }

    @Override
    public Container inspect(String reference) {
        InspectContainerResponse r = call(reference, () -> calls.inspectContainerCmd(reference).exec());
        List<String> ports = new ArrayList<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
            r.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
                if (bindings != null) {
                    for (var b : bindings) {
                        ports.add(b.getHostPortSpec() + ":" + exposed.getPort()
                                + ("tcp".equals(exposed.getProtocol().toString()) ? "" : "/" + exposed.getProtocol()));
                    }
                }
            });
        }
        String status = r.getState() == null ? null : r.getState().getStatus();
        Instant created = parseInstant(r.getCreated());
        return new Container(r.getId(), r.getName(), r.getConfig() == null ? null : r.getConfig().getImage(),
                ContainerState.fromEngine(status), created, ports, ResourceUsage.NONE);
    }

    @Override
    public void act(String reference, ContainerAction action) {
        call(reference, () -> {
            switch (action) {
                case START -> calls.startContainerCmd(reference).exec();
                case STOP -> calls.stopContainerCmd(reference).withTimeout(stopGrace()).exec();
                case RESTART -> calls.restartContainerCmd(reference).withTimeout(stopGrace()).exec();
                default -> throw new IllegalArgumentException(action.name());
            }
            return null;
        });
    }

    /** Seconds a container gets to stop before it is killed: inside the call timeout, so the call can answer. */
    private int stopGrace() {
        return (int) Math.max(1, Math.min(10, settings.callTimeout().toSeconds() / 2));
    }

    @Override
    public String logs(String reference, int lines) {
        StringBuilder text = new StringBuilder();
        LogCallback cb = new LogCallback((stream, line) -> text.append(line), () -> { });
        call(reference, () -> calls.logContainerCmd(reference).withStdOut(true).withStdErr(true)
                .withTimestamps(true).withTail(lines).withFollowStream(false).exec(cb));
        try {
            boolean done;
            try {
                done = cb.awaitCompletion(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                throw EngineFaults.translate(e, server, reference, settings.retryAfterSeconds());
            }
            if (!done) {
                cb.closeQuietly();
                throw new EngineUnavailableException(server, "the logs did not arrive in time",
                        settings.retryAfterSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException(server, "interrupted", settings.retryAfterSeconds());
        }
        if (cb.failure != null) {
            RuntimeException t = cb.failure instanceof RuntimeException r ? r : new IllegalStateException(cb.failure);
            throw EngineFaults.translate(t, server, reference, settings.retryAfterSeconds());
        }
        cb.flush();
        return text.toString();
    }

    @Override
    public AutoCloseable followLogs(String reference, int lines, Consumer<String> sink, Runnable end) {
        LogCallback cb = new LogCallback((stream, line) -> sink.accept(line), end);
        call(reference, () -> streams.logContainerCmd(reference).withStdOut(true).withStdErr(true)
                .withTimestamps(true).withTail(lines).withFollowStream(true).exec(cb));
        return cb::closeQuietly;
    }

    /** Every container without stats (log collection needs only which are running). */
    List<Container> listOnly() {
        return call(null, () -> calls.listContainersCmd().withShowAll(true).exec()).stream()
                .map(DockerContainerEngine::toContainer).toList();
    }

    /** Follows stdout and stderr from {@code since} (whole seconds; the caller drops what is not after it). */
    AutoCloseable followFrames(String reference, Instant since, Runnable ended, BiConsumer<String, String> sink) {
        LogCallback cb = new LogCallback(sink, ended);
        call(reference, () -> {
            var cmd = streams.logContainerCmd(reference).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .withFollowStream(true);
            if (since != null) {
                cmd = cmd.withSince((int) Math.min(Integer.MAX_VALUE, since.getEpochSecond()));
            }
            return cmd.exec(cb);
        });
        return cb::closeQuietly;
    }

    @Override
    public TerminalProcess exec(String reference, List<String> command, int cols, int rows, TerminalOutput output,
                                Runnable exited) {
        String execId = call(reference, () -> calls.execCreateCmd(reference).withCmd(command.toArray(String[]::new))
                .withTty(true).withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .withEnv(List.of("TERM=xterm")).exec().getId());
        DockerTerminal terminal = new DockerTerminal(execId, output, exited);
        call(reference, () -> streams.execStartCmd(execId).withTty(true).withStdIn(terminal.stdin).exec(terminal));
        terminal.resize(cols, rows);
        return terminal;
    }

    @Override
    public long ping() {
        long start = System.nanoTime();
        call(null, () -> calls.pingCmd().exec());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() {
        closeQuietly(calls);
        closeQuietly(streams);
    }

    private <T> T call(String reference, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            RuntimeException translated = EngineFaults.translate(e, server, reference, settings.retryAfterSeconds());
            if (translated == null) {
                return null; // 304: the action had nothing to do
            }
            throw translated;
        }
    }

    static Container toContainer(com.github.dockerjava.api.model.Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
        List<String> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (p.getPrivatePort() == null) {
                    continue;
                }
                String proto = p.getType() == null || "tcp".equals(p.getType()) ? "" : "/" + p.getType();
                ports.add(p.getPublicPort() == null ? p.getPrivatePort() + proto
                        : p.getPublicPort() + ":" + p.getPrivatePort() + proto);
            }
        }
        Instant created = c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated());
        return new Container(c.getId(), name, c.getImage(), ContainerState.fromEngine(c.getState()), created,
                ports.stream().distinct().toList(), ResourceUsage.NONE);
    }

    static ResourceUsage usageOf(Statistics s) {
        if (s == null || s.getCpuStats() == null) {
            return ResourceUsage.NONE;
        }
        var cpu = s.getCpuStats();
        var pre = s.getPreCpuStats();
        long rx = 0;
        long tx = 0;
        Map<String, StatisticNetworksConfig> nets = s.getNetworks();
        if (nets != null) {
            for (StatisticNetworksConfig n : nets.values()) {
                rx += n(n.getRxBytes());
                tx += n(n.getTxBytes());
            }
        }
        var mem = s.getMemoryStats();
        long inactive = 0;
        if (mem != null && mem.getStats() != null) {
            var st = mem.getStats();
            // cgroup v1 reports total_inactive_file, v2 inactive_file (the CLI subtracts whichever is there)
            inactive = st.getTotalInactiveFile() != null ? st.getTotalInactiveFile() : n(st.getInactiveFile());
        }
        int online = cpu.getOnlineCpus() != null ? cpu.getOnlineCpus().intValue()
                : cpu.getCpuUsage() != null && cpu.getCpuUsage().getPercpuUsage() != null
                        ? cpu.getCpuUsage().getPercpuUsage().size() : 1;
        return ResourceUsage.of(new ResourceUsage.StatsSample(
                cpu.getCpuUsage() == null ? 0 : n(cpu.getCpuUsage().getTotalUsage()),
                pre == null || pre.getCpuUsage() == null ? 0 : n(pre.getCpuUsage().getTotalUsage()),
                n(cpu.getSystemCpuUsage()), pre == null ? 0 : n(pre.getSystemCpuUsage()), online,
                mem == null ? 0 : n(mem.getUsage()), inactive, mem == null ? 0 : n(mem.getLimit()), rx, tx));
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static Instant parseInstant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing an engine client that is already broken
        }
    }

    /** One stats sample: the first answer completes the future. */
    private static final class StatsCallback extends ResultCallback.Adapter<Statistics> {
        final CompletableFuture<ResourceUsage> result = new CompletableFuture<>();

        @Override
        public void onNext(Statistics s) {
            result.complete(usageOf(s));
        }

        @Override
        public void onError(Throwable t) {
            result.complete(ResourceUsage.NONE);
            super.onError(t);
        }

        @Override
        public void onComplete() {
            result.complete(ResourceUsage.NONE);
            super.onComplete();
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // already closed
            }
        }
    }

    /**
     * Frames of a log stream cut into lines, per stream; a line split across frames is joined before it is passed
     * on with its stream's name ({@code stdout}, {@code stderr}; {@code stdout} for a TTY container's raw frames).
     */
    private static final class LogCallback extends ResultCallback.Adapter<Frame> {
        private final BiConsumer<String, String> sink;
        private final Runnable end;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        volatile Throwable failure;

        LogCallback(BiConsumer<String, String> sink, Runnable end) {
            this.sink = sink;
            this.end = end;
        }

        @Override
        public void onNext(Frame frame) {
            boolean isErr = frame.getStreamType() == StreamType.STDERR;
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            synchronized (this) {
                StringBuilder partial = isErr ? err : out;
                int start = 0;
                int nl;
                while ((nl = text.indexOf('\n', start)) >= 0) {
                    partial.append(text, start, nl + 1);
                    sink.accept(isErr ? "stderr" : "stdout", partial.toString());
                    partial.setLength(0);
                    start = nl + 1;
                }
                partial.append(text, start, text.length());
            }
        }

        synchronized void flush() {
            if (out.length() > 0) {
                sink.accept("stdout", out.append('\n').toString());
                out.setLength(0);
            }
            if (err.length() > 0) {
                sink.accept("stderr", err.append('\n').toString());
                err.setLength(0);
            }
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
            super.onError(t);
            finish();
        }

        @Override
        public void onComplete() {
            super.onComplete();
            finish();
        }

        private void finish() {
            if (ended.compareAndSet(false, true)) {
                flush();
                end.run();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // already closed
            }
            finish();
        }
    }

    /** An exec with a TTY: stdin through a bounded pipe, output passed on frame by frame. */
    private final class DockerTerminal extends ResultCallback.Adapter<Frame> implements TerminalProcess {
        final StdinPipe stdin = new StdinPipe(64 * 1024);
        private final String execId;
        private final TerminalOutput output;
        private final Runnable exited;
        private final AtomicBoolean ended = new AtomicBoolean();

        DockerTerminal(String execId, TerminalOutput output, Runnable exited) {
            this.execId = execId;
            this.output = output;
            this.exited = exited;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] p = frame.getPayload();
            output.write(p, 0, p.length);
        }

        @Override
        public void onError(Throwable t) {
            super.onError(t);
            end();
        }

        @Override
        public void onComplete() {
            super.onComplete();
            end();
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                stdin.close();
                exited.run();
            }
        }

        @Override
        public void input(byte[] data, int offset, int length) {
            try {
                stdin.write(data, offset, length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void resize(int cols, int rows) {
            if (cols < 1 || rows < 1 || ended.get()) {
                return;
            }
            try {
                calls.resizeExecCmd(execId).withSize(rows, cols).exec();
            } catch (RuntimeException e) {
                // the process may have ended meanwhile; a resize is advisory
            }
        }

        @Override
        public boolean isOpen() {
            return !ended.get();
        }

        @Override
        public void close() {
            if (!ended.get()) {
                // With a TTY, Ctrl-C then Ctrl-D ends an idle shell; closing stdin alone does not reach the process.
                byte[] bye = {0x03, 0x04};
                stdin.write(bye, 0, bye.length, true);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                while (!ended.get() && System.nanoTime() < until) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            try {
                super.close();
            } catch (IOException e) {
                // already closed
            }
            end();
        }
    }
}
