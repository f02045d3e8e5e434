package io.github.dqualizer.ctk.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** {@code X-Ctk-Signature: sha256=<hex HMAC-SHA256 of the body>} with {@code ctk.notifications.signing-key}. */
@Component
class CallbackSigner {

    static final String HEADER = "X-Ctk-Signature";

    private final NotificationProperties properties;

    CallbackSigner(NotificationProperties properties) {
        if (properties.enabled() && properties.requireSigningKey() && !properties.signed()) {
            throw new IllegalStateException("Refusing to start: callbacks are enabled (ctk.notifications.enabled) in a "
                    + "profile that requires them signed (profile prod), but no signing key is configured. Set "
                    + "CTK_NOTIFICATIONS_SIGNING_KEY (ctk.notifications.signing-key), e.g. `openssl rand -hex 32`, and give "
                    + "it to the receivers, or set CTK_NOTIFICATIONS_ENABLED=false.");
        }
        this.properties = properties;
    }

    boolean signs() {
        return properties.signed();
    }

    String signature(byte[] body) {
        return "sha256=" + hmacSha256Hex(properties.signingKey(), body);
    }

    static String hmacSha256Hex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
