package io.github.dqualizer.ctk.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a callback URL may be called: an absolute {@code http(s)} URL without
 * user info, whose host obeys the outbound HTTP policy {@code ctk.http.allowed-hosts} (empty: any host; an entry
 * is a host name or address, or {@code *.domain} for its sub-domains). Checked when the URL is given and again
 * before each delivery, so a narrowed policy also stops deliveries already queued.
 */
@Component
public class CallbackTargets {

    static final int MAX_LENGTH = 2048;

    private final NotificationProperties properties;
    private final List<String> allowedHosts;

    // until the outbound HTTP policy of issue 13 has its own properties class, its property is read here only
    CallbackTargets(NotificationProperties properties, @Value("${ctk.http.allowed-hosts:}") List<String> allowedHosts) {
        this.properties = properties;
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** The URL, or {@code null} for none; throws {@link CallbackRejectedException} when it may not be used. */
    public String check(String url) {
        if (url == null) {
            return null;
        }
        if (!properties.enabled()) {
            throw new CallbackRejectedException("Callbacks are disabled on this service (ctk.notifications.enabled).");
        }
        URI uri = parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowed(host)) {
            throw new CallbackRejectedException("callback host '" + host + "' is not on the outbound HTTP allow-list "
                    + "(ctk.http.allowed-hosts).");
        }
        return url;
    }

    private static URI parse(String url) {
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
        return uri;
    }

    private boolean allowed(String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return allowedHosts.stream().anyMatch(entry -> entry.startsWith("*.")
                ? bare.endsWith(entry.substring(1)) : bare.equals(entry));
    }
}
