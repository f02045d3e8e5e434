package io.github.dqualizer.ctk.providers.http;

import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.providers.output.CapturedOutput;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider output: JSON body only for exactly {@code Content-Type: application/json} (and not truncated),
 * else decoded text.
 */
final class HttpOutput {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HttpOutput() {
    }

    static Map<String, Object> of(HttpResponse<?> response, CapturedOutput body) {
        Map<String, Object> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, String.join(", ", values));
            }
        });
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status", response.statusCode());
        output.put("headers", headers);
        output.put("body", body(body, contentType));
        return output;
    }

    /** A truncated body is text with the marker even when it is JSON: its start alone would not parse. */
    private static Object body(CapturedOutput body, String contentType) {
        if ("application/json".equals(contentType) && !body.truncated()) {
            try {
                return JSON.readValue(body.bytes(), Object.class);
            } catch (JacksonException e) {
                throw new ProviderCrashException("requests.exceptions.JSONDecodeError", e.getOriginalMessage());
            }
        }
        Charset charset = charset(contentType);
        return new String(body.decodableBytes(charset), charset) + body.marker("body");
    }

    /** requests: the header's charset, ISO-8859-1 for text/* without one, else (detected) UTF-8. */
    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String part : List.of(contentType.split(";"))) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/") ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8;
    }
}
