package io.github.dqualizer.ctk.api.fuzz;

import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** Checks that an error answer is the {@code {status_code, status, info}} envelope and shows no internals. */
final class Envelopes {

    // stack frames, exception class names and package names of the libraries underneath
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\w+(Exception|Error)\\b|\\bat [\\w$]+\\.[\\w$.]+\\(|\\.java:\\d+|\\bjava\\.|\\bjavax\\.|\\bjakarta\\."
                    + "|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.yaml|org\\.hibernate|org\\.h2|com\\.mysql"
                    + "|org\\.jobrunr|io\\.netty|reactor\\.|io\\.github\\.dqualizer)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Envelopes() {
    }

    /** Null when {@code body} is a proper envelope for {@code status}, else what is wrong with it. */
    static String problem(int status, byte[] body) {
        Map<?, ?> envelope;
        try {
            envelope = JSON.readValue(body, Map.class);
        } catch (RuntimeException e) {
            return "not a JSON envelope: " + preview(body);
        }
        if (!(envelope.get("status_code") instanceof Integer code) || code != status) {
            return "status_code " + envelope.get("status_code") + " differs from HTTP " + status;
        }
        if (!(envelope.get("status") instanceof String text) || text.isBlank()) {
            return "no status text";
        }
        if (!envelope.containsKey("info")) {
            return "no info";
        }
        String all = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (INTERNALS.matcher(all).find()) {
            return "shows internals: " + preview(body);
        }
        return null;
    }

    static String preview(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
