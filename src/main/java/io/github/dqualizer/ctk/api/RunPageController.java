package io.github.dqualizer.ctk.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live run page, {@code /ui/experiments/{id}}: a static shell (no data, so no credentials needed to load it)
 * whose script asks for the four headers and reads the run and its event stream with {@code fetch}. A browser
 * cannot send custom headers on navigation, so the page never relies on cookies or URLs carrying credentials
 * (docs/operations.md, "Run page").
 */
@RestController
class RunPageController {

    /** The page allows only its own script, style and connections: nothing injected could run or call out. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final String page;

    RunPageController() {
        try {
            page = new ClassPathResource("static/ui/run.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/ui/experiments/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> runPage(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }

    /** A browser opening {@code /experiments/{id}} (its Accept names text/html) wants the page, not JSON. */
    static boolean wantsPage(ServerHttpRequest request, String id) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return RUN_ID.matcher(id).matches()
                && accepted.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }
}
