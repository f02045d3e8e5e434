package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.experiment.ExperimentFormatException;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads an experiment document from a request: JSON or YAML, within the size limit. */
@Component
class BodyReader {

    private static final List<MediaType> YAML = List.of(MediaType.APPLICATION_YAML,
            MediaType.parseMediaType("application/x-yaml"), MediaType.parseMediaType("text/yaml"));

    private final ExperimentReader reader;
    private final int maxBytes;

    BodyReader(ExperimentReader reader, ApiProperties properties) {
        this.reader = reader;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
    }

    Mono<Map<String, Object>> read(ServerHttpRequest request) {
        boolean yaml = isYaml(contentType(request));
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> parse(bytes, yaml));
    }

    private Map<String, Object> parse(byte[] bytes, boolean yaml) {
        if (bytes.length == 0) {
            throw ApiException.invalidExperiment("The request has no body: send a Chaos Toolkit experiment.");
        }
        try {
            return reader.read(bytes, yaml);
        } catch (ExperimentFormatException e) {
            throw ApiException.invalidExperiment(e.getMessage());
        }
    }

    /** Answers 415 unless the content type is JSON or YAML; a missing type is read as JSON, like the prototype. */
    static void requireSupported(ServerHttpRequest request) {
        MediaType contentType = contentType(request);
        if (contentType == null || MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || isYaml(contentType) || contentType.getSubtype().endsWith("+json")) {
            return;
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type.",
                "Send the experiment as application/json or application/yaml, not " + contentType + ".");
    }

    private static MediaType contentType(ServerHttpRequest request) {
        try {
            return request.getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type.",
                    "The Content-Type header cannot be parsed as a media type; send the experiment as "
                            + "application/json or application/yaml.");
        }
    }

    private static boolean isYaml(MediaType contentType) {
        return contentType != null && YAML.stream().anyMatch(type -> type.isCompatibleWith(contentType));
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Experiment too large.",
                "The experiment document exceeds the limit of " + maxBytes + " bytes.");
    }
}
