package io.github.dqualizer.ctk.providers.http;

import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.pyvalues.PyText;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/** Builds the request like {@code requests.request}: GET arguments as query, else JSON or form body (6.3 step 3). */
final class HttpRequestFactory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpRequestFactory() {
    }

    /** @param timeout the request's timeout (connecting and waiting for the response head), or null for none */
    static HttpRequest build(String url, String method, Map<?, ?> headers, Object arguments, Duration timeout) {
        String target = url;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String contentType = null;
        if (method.equals("GET")) {
            if (arguments instanceof Map<?, ?> params && !params.isEmpty()) {
                String query = formEncode(params);
                if (!query.isEmpty()) {
                    target = url + (url.contains("?") ? "&" : "?") + query;
                }
            }
        } else if (arguments != null) {
            if (headers != null && "application/json".equals(headers.get("Content-Type"))) {
                body = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(arguments));
            } else if (arguments instanceof Map<?, ?> form) {
                body = HttpRequest.BodyPublishers.ofString(formEncode(form));
                contentType = "application/x-www-form-urlencoded";
            } else if (arguments instanceof String raw) {
                body = HttpRequest.BodyPublishers.ofString(raw);
            }
        }
        URI uri = uri(target);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, body);
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (contentType != null && !hasHeader(headers, "Content-Type")) {
            builder.header("Content-Type", contentType);
        }
        RequestHeaders.apply(builder, uri, headers);
        return builder.build();
    }

    /** {@code urlencode(..., doseq=True)} as requests does it: lists repeat the key, None values are dropped. */
    private static String formEncode(Map<?, ?> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> {
            for (Object item : v instanceof List<?> list ? list : java.util.Collections.singletonList(v)) {
                if (item != null) {
                    joiner.add(encode(String.valueOf(k)) + "=" + encode(PyText.str(item)));
                }
            }
        });
        return joiner.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean hasHeader(Map<?, ?> headers, String name) {
        return headers != null && headers.keySet().stream()
                .anyMatch(k -> String.valueOf(k).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    private static URI uri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new ProviderCrashException("requests.exceptions.InvalidURL", "Invalid URL '" + url + "': " + e.getMessage());
        }
        if (uri.getScheme() == null) {
            throw new ProviderCrashException("requests.exceptions.MissingSchema", "Invalid URL '" + url
                    + "': No scheme supplied. Perhaps you meant https://" + url + "?");
        }
        if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
            throw new ProviderCrashException("requests.exceptions.InvalidSchema",
                    "No connection adapters were found for '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new ProviderCrashException("requests.exceptions.InvalidURL", "Invalid URL '" + url + "': No host supplied");
        }
        return uri;
    }
}
