package io.quarterdeck.adapters.docker;

import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.SSLConfig;
import io.quarterdeck.domain.containers.EngineEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS to a Docker Engine from three PEM files: the engine's CA (trusted alone), our certificate and its key. */
final class PemSslConfig implements SSLConfig {
    private static final char[] PASSWORD = "docker".toCharArray();
    private final EngineEndpoint.Tls tls;

    PemSslConfig(EngineEndpoint.Tls tls) {
        this.tls = tls;
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            KeyStore keys = CertificateUtils.createKeyStore(read(tls.keyPath()), read(tls.certPath()));
            KeyStore trust = CertificateUtils.createTrustStore(read(tls.caPath()));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS material of the engine: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    }
}
