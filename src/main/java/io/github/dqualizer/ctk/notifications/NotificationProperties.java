package io.github.dqualizer.ctk.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Callbacks that POST a run's outcome when it ends.
 *
 * @param enabled           accept {@code ?callback=} and schedules with a {@code callback} (default true; profile
 *                          {@code prod}: false unless {@code CTK_NOTIFICATIONS_ENABLED=true})
 * @param signingKey        HMAC-SHA256 key for {@code X-Ctk-Signature}; empty: callbacks are sent unsigned
 * @param requireSigningKey refuse to start when callbacks are enabled without a signing key (set in production)
 * @param retries           further delivery attempts after a failed one (JobRunr's back-off: 3 s, 9 s, 27 s, …)
 * @param timeout           connect and answer timeout of one delivery attempt
 * @param publicUrl         base URL of this service as receivers reach it, for {@code journal_url}; empty: the
 *                          URL is the path {@code /experiments/{id}/journal} alone
 */
@ConfigurationProperties("ctk.notifications")
record NotificationProperties(Boolean enabled, String signingKey, boolean requireSigningKey, Integer retries,
                                     Duration timeout, String publicUrl) {

    public NotificationProperties {
        enabled = enabled == null || enabled;
        retries = retries == null ? 10 : retries;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    boolean signed() {
        return signingKey != null && !signingKey.isBlank();
    }

    @Override
    public String toString() {
        return "NotificationProperties[enabled=" + enabled + ", signingKey=" + (signed() ? "***" : "") + ", retries="
                + retries + ", timeout=" + timeout + ", publicUrl=" + publicUrl + "]";
    }
}
