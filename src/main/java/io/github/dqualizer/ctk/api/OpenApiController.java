package io.github.dqualizer.ctk.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /openapi.yaml}: the API description, without credentials. The document is
 * docs/openapi.yaml, copied into the jar at build time (docs/adr/0004-static-openapi-document.md).
 */
@RestController
class OpenApiController {

    static final String DOCUMENT = "openapi/openapi.yaml";

    private final Resource document = new ClassPathResource(DOCUMENT);

    @GetMapping(value = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<Resource> openApi() {
        if (!document.exists()) {
            throw ApiException.notFound("This build carries no API description.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .cacheControl(CacheControl.noCache())
                .body(document);
    }
}
