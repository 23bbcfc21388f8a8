package io.quarterdeck.application.containers;

import io.quarterdeck.application.port.in.containers.ContainerSettings;
import io.quarterdeck.application.port.in.containers.TerminalUseCase;
import io.quarterdeck.application.port.in.identity.AuditUseCase;
import io.quarterdeck.application.port.out.containers.ContainerEngine.TerminalOutput;
import io.quarterdeck.application.port.out.containers.ContainerEngine.TerminalProcess;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerReference;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audited shells in containers. The per-person session count is held in this instance (terminals are bound to the
 * instance that holds their socket).
 */
@ApplicationScoped
public class TerminalService implements TerminalUseCase {
    static final int MAX_AUDITED_LINE = 1000;
    private final EngineDirectory directory;
    private final AuditUseCase audit;
    private final ContainerSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicInteger> sessions = new ConcurrentHashMap<>();

    @Inject
    public TerminalService(ContainerEngines engines, ServerRepository servers, AuditUseCase audit,
                           ContainerSettings settings, Clock clock) {
        this.directory = engines == null ? null : new EngineDirectory(engines, servers, clock);
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected TerminalService() {
        this(null, null, null, null, null);
    }

    @Override
    public ContainerSettings settings() {
        return settings;
    }

    @Override
    public Terminal open(Caller caller, String clientAddress, String serverId, String containerId, int cols,
                         int rows, TerminalOutput output, Runnable exited) {
        Access.terminal(caller);
        String ref = ContainerReference.of(containerId);
        AtomicInteger held = sessions.computeIfAbsent(caller.id(), k -> new AtomicInteger());
        if (held.incrementAndGet() > settings.terminalSessionsPerUser()) {
            held.decrementAndGet();
            record(caller, clientAddress, ref, "terminal.refused",
                    "session limit of " + settings.terminalSessionsPerUser() + " reached", 409);
            throw new ConflictException("sessions", "You already hold " + settings.terminalSessionsPerUser()
                    + " terminal sessions, the maximum");
        }
        try {
            AuditedTerminal terminal = new AuditedTerminal(caller, clientAddress, ref, held);
            TerminalProcess process = directory.call(serverId, engine -> {
                Container c = engine.inspect(ref);
                if (!c.state().isRunning()) {
                    throw new ConflictException("container_id", "Container " + ref + " is not running");
                }
                return engine.exec(ref, settings.terminalShell(), cols, rows, output, () -> {
                    terminal.close();
                    exited.run();
                });
            });
            terminal.attach(process);
            record(caller, clientAddress, ref, "terminal.open", "opened " + String.join(" ", settings.terminalShell())
                    + " on " + serverId + "/" + ref, 101);
            return terminal;
        } catch (RuntimeException e) {
            held.decrementAndGet();
            throw e;
        }
    }

    private void record(Caller caller, String ip, String container, String action, String summary, int outcome) {
        audit.record(new AuditRecord(0, clock.instant(), caller.name() == null ? caller.id() : caller.name(),
                caller.role().wireName(), ip, null, "WS", "/ws/terminal/" + container, action, summary, outcome));
    }

    /** Passes keys on and collects each typed line for the audit log (backspace edits the line, as the TTY does). */
    private final class AuditedTerminal implements Terminal {
        private final Caller caller;
        private final String ip;
        private final String container;
        private final AtomicInteger held;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final byte[] line = new byte[MAX_AUDITED_LINE * 4];
        private int lineLength;
        /** Inside an escape sequence: 1 after ESC, 2 in a CSI ({@code ESC [} ... final byte), 3 after {@code ESC O}. */
        private int escape;
        private volatile TerminalProcess process;
        private volatile long lastInput;

        AuditedTerminal(Caller caller, String ip, String container, AtomicInteger held) {
            this.caller = caller;
            this.ip = ip;
            this.container = container;
            this.held = held;
            this.lastInput = clock.millis();
        }

        void attach(TerminalProcess p) {
            this.process = p;
            if (closed.get()) {
                p.close();
            }
        }

        @Override
        public void input(byte[] data, int offset, int length) {
            lastInput = clock.millis();
            TerminalProcess p = process;
            if (p != null) {
                p.input(data, offset, length); // the keys first: the audit write is not in the echo's round trip
            }
            collect(data, offset, length);
        }

        private void collect(byte[] data, int offset, int length) {
            synchronized (line) {
                for (int i = offset; i < offset + length; i++) {
                    int b = data[i] & 0xff;
                    if (escape != 0) {
                        // not typed text: a terminal's answer to a query (ESC [ 24 ; 5 R), an arrow or function key
                        escape = escape == 1 ? (b == '[' ? 2 : b == 'O' ? 3 : 0)
                                : escape == 2 && (b < 0x40 || b > 0x7e) ? 2 : 0;
                    } else if (b == 0x1b) {
                        escape = 1;
                    } else if (b == '\r' || b == '\n') {
                        if (lineLength > 0) {
                            String typed = new String(line, 0, lineLength, java.nio.charset.StandardCharsets.UTF_8);
                            lineLength = 0;
                            record(caller, ip, container, "terminal.command", typed, 0);
                        }
                    } else if (b == 0x7f || b == 0x08) {
                        // one character back: its UTF-8 continuation bytes, then its first byte
                        while (lineLength > 0 && (line[lineLength - 1] & 0xc0) == 0x80) {
                            lineLength--;
                        }
                        if (lineLength > 0) {
                            lineLength--;
                        }
                    } else if (b == 0x03 || b == 0x15) {
                        lineLength = 0; // Ctrl-C, Ctrl-U: the line is abandoned
                    } else if ((b >= 0x20 || b == '\t') && lineLength < line.length) {
                        line[lineLength++] = (byte) b;
                    }
                }
            }
        }

        @Override
        public void resize(int cols, int rows) {
            TerminalProcess p = process;
            if (p != null) {
                p.resize(cols, rows);
            }
        }

        @Override
        public long lastInputMillis() {
            return lastInput;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                held.decrementAndGet();
                TerminalProcess p = process;
                if (p != null) {
                    p.close();
                }
                record(caller, ip, container, "terminal.close", "closed", 0);
            }
        }
    }
}
