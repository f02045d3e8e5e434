package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a target's Chaos Monkey actuator is and how to call it, read from the arguments every chaosspring
 * function shares: {@code base_url}, {@code headers}, {@code timeout} and {@code verify_ssl}.
 *
 * @param baseUrl        actuator base URL without trailing slash, e.g. {@code http://localhost:7081/actuator}
 * @param headers        extra request headers
 * @param timeout        limit for the whole call, from connecting to the last byte of the answer (the JDK client
 *                       takes timeouts per request; a connect timeout would need a client, with its threads, per value)
 * @param verifySsl      whether TLS certificates and host names are checked
 */
record ChaosMonkeyEndpoint(String baseUrl, Map<String, String> headers, Duration timeout, boolean verifySsl) {

    /** Used when an experiment gives no {@code timeout}; chaosspring would wait forever. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static ChaosMonkeyEndpoint from(Map<String, Object> arguments) {
        return new ChaosMonkeyEndpoint(baseUrl(arguments.get("base_url")), headers(arguments.get("headers")),
                timeout(arguments.get("timeout")), verifySsl(arguments.get("verify_ssl")));
    }

    /** The URL of {@code path} below the actuator base URL, e.g. {@code chaosmonkey/status}. */
    URI resolve(String path) {
        return URI.create(baseUrl + "/" + path);
    }

    private static String baseUrl(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ActivityFailedException("base_url must be the target's actuator URL, e.g. "
                    + "http://localhost:8080/actuator, got: " + value);
        }
        String url = text.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new ActivityFailedException("base_url must be an absolute http or https URL, got: " + text);
        }
        return url;
    }

    private static Map<String, String> headers(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ActivityFailedException("headers must be an object of header names and values, got: " + value);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        map.forEach((name, headerValue) -> {
            if (name != null && headerValue != null) {
                headers.put(name.toString(), headerValue.toString());
            }
        });
        return Map.copyOf(headers);
    }

    /** {@code timeout} in seconds like requests takes it: a number, or a pair {@code [connect, read]} (their sum). */
    private static Duration timeout(Object value) {
        if (value instanceof List<?> pair && pair.size() == 2) {
            Duration connect = seconds(pair.get(0), value);
            Duration read = seconds(pair.get(1), value);
            return connect == null || read == null ? DEFAULT_TIMEOUT : connect.plus(read);
        }
        Duration timeout = seconds(value, value);
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Seconds as a duration; {@code null} for "not given" (absent, null, 0, as chaosspring's {@code if timeout:}). */
    private static Duration seconds(Object value, Object argument) {
        double seconds;
        if (value == null) {
            return null;
        } else if (value instanceof Number number) {
            seconds = number.doubleValue();
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                seconds = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw invalidTimeout(argument);
            }
        } else {
            throw invalidTimeout(argument);
        }
        if (seconds == 0) {
            return null;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw invalidTimeout(argument);
        }
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(seconds * 1e9)));
    }

    private static ActivityFailedException invalidTimeout(Object argument) {
        return new ActivityFailedException("timeout must be a positive number of seconds or a pair "
                + "[connect, read] of them, got: " + argument);
    }

    private static boolean verifySsl(Object value) {
        if (value == null || value instanceof Boolean b && b) {
            return true;
        }
        if (value instanceof Boolean) {
            return false;
        }
        if (value instanceof String text) {
            String flag = text.strip().toLowerCase(Locale.ROOT);
            if (flag.equals("true")) {
                return true;
            }
            if (flag.equals("false")) {
                return false;
            }
        }
        throw new ActivityFailedException("verify_ssl must be true or false, got: " + value);
    }
}
