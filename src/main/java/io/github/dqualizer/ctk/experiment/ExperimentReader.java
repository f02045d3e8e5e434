package io.github.dqualizer.ctk.experiment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/** Parses a submitted JSON or YAML experiment into plain Java values, refusing YAML tags like a safe loader. */
@Component
public class ExperimentReader {

    /** Deeper documents are rejected with a format error rather than risking the stack. */
    static final int MAX_DEPTH = 200;

    private final TokenStreamFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(constraints())
            .build();
    private final TokenStreamFactory yaml = YAMLFactory.builder()
            .streamReadConstraints(constraints())
            .build();

    public Map<String, Object> read(byte[] body, boolean isYaml) {
        String format = isYaml ? "YAML" : "JSON";
        if (body == null || body.length == 0) {
            throw new ExperimentFormatException("Malformed " + format + ": the document is empty");
        }
        try (JsonParser parser = (isYaml ? yaml : json).createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ExperimentFormatException("The " + format + " document must be an object at top level");
            }
            Map<String, Object> result = readObject(parser, 1, format);
            if (parser.nextToken() != null) {
                throw new ExperimentFormatException(
                        "Malformed " + format + at(parser.currentTokenLocation()) + ": unexpected content after the document");
            }
            return result;
        } catch (JacksonException e) {
            throw new ExperimentFormatException(PlainParseProblem.describe(e, format));
        }
    }

    private Object readValue(JsonParser parser, int depth, String format) {
        checkTag(parser, format);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, depth + 1, format);
            case START_ARRAY -> readArray(parser, depth + 1, format);
            case VALUE_STRING -> string(parser, format);
            case VALUE_NUMBER_INT -> integer(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new ExperimentFormatException("Malformed " + format
                    + at(parser.currentTokenLocation()) + ": unsupported value");
        };
    }

    /**
     * The YAML parser hands an alias ({@code *name}) over as the string {@code name}: a safe loader would
     * expand it, so rather than run a different experiment than the one written, aliases are refused.
     */
    private static String string(JsonParser parser, String format) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new ExperimentFormatException("Malformed " + format + at(parser.currentTokenLocation())
                    + ": aliases (*" + parser.getString() + ") are not supported; write the value out");
        }
        return parser.getString();
    }

    private Map<String, Object> readObject(JsonParser parser, int depth, String format) {
        checkDepth(parser, depth, format);
        checkTag(parser, format);
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, readValue(parser, depth, format));
        }
        return map;
    }

    private List<Object> readArray(JsonParser parser, int depth, String format) {
        checkDepth(parser, depth, format);
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(parser, depth, format));
        }
        return list;
    }

    private static void checkDepth(JsonParser parser, int depth, String format) {
        if (depth > MAX_DEPTH) {
            throw new ExperimentFormatException("Malformed " + format + at(parser.currentTokenLocation())
                    + ": the document is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A YAML safe loader refuses application tags such as {@code !!python/object}. */
    private static void checkTag(JsonParser parser, String format) {
        Object typeId = parser.canReadTypeId() ? parser.getTypeId() : null;
        if (typeId != null) {
            throw new ExperimentFormatException("Malformed " + format + at(parser.currentTokenLocation())
                    + ": tags are not allowed (" + typeId + ")");
        }
    }

    private static Object integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return PlainParseProblem.at(location.getLineNr(), location.getColumnNr());
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10).build();
    }
}
