package io.quarterdeck.adapters.docker.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The docker CLI for test fixtures: containers named {@code qd18-...} from local/busybox:1, no network. */
public final class DockerCli {
    public static final String IMAGE = "local/busybox:1";
    private final List<String> created = new ArrayList<>();

    public static String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("docker CLI: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a container running {@code script} under sh; returns its name. */
    public String start(String label, String script) {
        String name = "qd18-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        run("run", "-d", "--network", "none", "--name", name, IMAGE, "sh", "-c", script);
        created.add(name);
        return name;
    }

    public String state(String name) {
        return run("inspect", "-f", "{{.State.Status}}", name);
    }

    public void removeAll() {
        for (String name : created) {
            try {
                run("rm", "-f", name);
            } catch (RuntimeException e) {
                // already gone
            }
        }
        created.clear();
    }
}
