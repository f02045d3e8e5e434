package io.github.dqualizer.ctk.providers.http;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.pyvalues.PyText;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts an activity's {@code headers} on a JDK request. The JDK client refuses to let callers set
 * {@code Content-Length}, {@code Connection}, {@code Expect}, {@code Host} and {@code Upgrade}
 * ({@code IllegalArgumentException: restricted header name}), where requests sends whatever it is given:
 * <ul>
 *   <li>{@code Content-Length}, {@code Connection}, {@code Upgrade} are dropped: the client computes the length
 *       from the body and manages connections and the protocol itself;</li>
 *   <li>{@code Expect: 100-continue} becomes the client's own expect-continue; other {@code Expect} values are
 *       dropped;</li>
 *   <li>{@code Host} naming the URL's own host (and port) is dropped, the client sends the same; another
 *       {@code Host} is sent when the JVM allows it ({@code -Djdk.httpclient.allowRestrictedHeaders=host}),
 *       otherwise the activity fails saying so;</li>
 *   <li>any other header the JDK refuses (e.g. a name with a space, a value with a line break) fails the
 *       activity with the JDK's reason, never the run.</li>
 * </ul>
 */
final class RequestHeaders {

    static final String ALLOW_PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    private static final Set<String> COMPUTED_BY_CLIENT = Set.of("content-length", "connection", "upgrade");

    private RequestHeaders() {
    }

    static void apply(HttpRequest.Builder builder, URI uri, Map<?, ?> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((key, rawValue) -> {
            if (rawValue == null) {
                return;
            }
            String name = String.valueOf(key);
            String value = PyText.str(rawValue);
            String lower = name.toLowerCase(Locale.ROOT).strip();
            if (COMPUTED_BY_CLIENT.contains(lower)) {
                return;
            }
            if (lower.equals("expect")) {
                if (value.strip().equalsIgnoreCase("100-continue")) {
                    builder.expectContinue(true);
                }
                return;
            }
            if (lower.equals("host") && sameAuthority(value, uri)) {
                return;
            }
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new ActivityFailedException(refusal(name, value, lower, e));
            }
        });
    }

    private static String refusal(String name, String value, String lower, IllegalArgumentException e) {
        if (lower.equals("host")) {
            return "header 'Host: " + value + "' differs from the URL's host; the JDK HTTP client sends the URL's"
                    + " host unless the service runs with -D" + ALLOW_PROPERTY + "=host";
        }
        return "header '" + name + "' cannot be sent: " + e.getMessage();
    }

    /** {@code value} names the URL's host and port (the scheme's default port may be left out on either side). */
    private static boolean sameAuthority(String value, URI uri) {
        String host = value.strip().toLowerCase(Locale.ROOT);
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        int port = defaultPort;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            host = host.substring(0, colon);
        }
        String urlHost = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int urlPort = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return host.equals(urlHost) && port == urlPort;
    }
}
