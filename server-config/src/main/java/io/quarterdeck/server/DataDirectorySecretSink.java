package io.quarterdeck.server;

import io.quarterdeck.application.port.out.identity.BootstrapSecretSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a bootstrap secret once to a file in the data directory that only the server's user can read. */
@ApplicationScoped
public class DataDirectorySecretSink implements BootstrapSecretSink {
    private final Path dir;

    @Inject
    public DataDirectorySecretSink(ServerSettings settings) {
        this.dir = settings.dataDirectory();
    }

    /** For CDI proxies only. */
    protected DataDirectorySecretSink() {
        this.dir = null;
    }

    @Override
    public String deliver(String name, String secret) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
