package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import static io.github.dqualizer.ctk.providers.chaosspring.ChaosSpring.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code verify_ssl} against an HTTPS actuator whose self-signed certificate names another host: checked by
 * default, accepted with {@code verify_ssl: false} (certificate and host name), as requests' {@code verify=False}.
 */
class VerifySslTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static SSLContext selfSigned;

    @BeforeAll
    static void createSelfSignedCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("target.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=somewhere.else.example", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        selfSigned = SSLContext.getInstance("TLS");
        selfSigned.init(keys.getKeyManagers(), null, null);
    }

    @Test
    void selfSignedCertificateFailsByDefault() {
        try (FakeActuator cmsb = FakeActuator.https(selfSigned).answer("chaosmonkey/enable", 200, "{}")) {
            assertThatThrownBy(() -> call(new ChaosSpring().enable, cmsb.actuatorUrl("https"), "timeout", 5))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageStartingWith("Enable ChaosMonkey failed: TLS with " + cmsb.actuatorUrl("https"))
                    .hasMessageEndingWith("(verify_ssl false accepts any certificate)");
        }
    }

    @Test
    void verifySslFalseAcceptsAnyCertificateAndHostName() throws Exception {
        try (FakeActuator cmsb = FakeActuator.https(selfSigned)
                .answer("chaosmonkey/enable", 200, "{\"enabled\":true}")) {
            assertThat(call(new ChaosSpring().enable, cmsb.actuatorUrl("https"), "verify_ssl", false, "timeout", 5))
                    .isEqualTo("{\"enabled\":true}");
            assertThat(call(new ChaosSpring().enable, cmsb.actuatorUrl("https"), "verify_ssl", "False"))
                    .isEqualTo("{\"enabled\":true}");
        }
    }
}
