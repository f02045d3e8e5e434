package io.github.dqualizer.ctk.notifications;

import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a callback URL may be called: an absolute {@code http(s)} URL without
 * user info, whose host obeys the outbound HTTP policy ({@link OutboundHosts}, {@code ctk.http.allowed-hosts}) like
 * every other request the service sends. Checked when the URL is given and again before each delivery, so a narrowed
 * policy also stops deliveries already queued.
 */
@Component
public class CallbackTargets {

    static final int MAX_LENGTH = 2048;

    private final NotificationProperties properties;
    private final OutboundHosts outboundHosts;

    CallbackTargets(NotificationProperties properties, OutboundHosts outboundHosts) {
        this.properties = properties;
        this.outboundHosts = outboundHosts;
    }

    /** The URL, or {@code null} for none; throws {@link CallbackRejectedException} when it may not be used. */
    public String check(String url) {
        if (url == null) {
            return null;
        }
        if (!properties.enabled()) {
            throw new CallbackRejectedException("Callbacks are disabled on this service (ctk.notifications.enabled).");
        }
        parse(url);
        outboundHosts.refusal(url).ifPresent(refusal -> {
            throw new CallbackRejectedException("callback " + refusal + ".");
        });
        return url;
    }

    private static void parse(String url) {
        if (url.length() > MAX_LENGTH) {
            throw new CallbackRejectedException("callback must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new CallbackRejectedException("callback is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CallbackRejectedException("callback must be an absolute http or https URL.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new CallbackRejectedException("callback must name a host and no user info.");
        }
    }
}
