package io.github.dqualizer.ctk.experiment.configuration;

import io.github.dqualizer.ctk.pyvalues.PyText;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** chaoslib's {@code convert_to_type} for {@code env_var_type}. */
final class EnvValueConverter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private EnvValueConverter() {
    }

    static Object convert(Object type, Object value) {
        if (type == null || "str".equals(type) || "string".equals(type)) {
            return value;
        }
        String text = value instanceof String s ? s : PyText.str(value);
        try {
            return switch (String.valueOf(type)) {
                case "int", "integer" -> toInt(value, text);
                case "float", "number" -> toFloat(text);
                case "bytes" -> text;
                case "bool" -> !(text.toLowerCase(Locale.ROOT).equals("false")
                        || text.equals("0") || text.toLowerCase(Locale.ROOT).equals("no"));
                case "json" -> text.isEmpty() ? "" : normalize(JSON.readValue(text, Object.class));
                default -> throw new PythonError("ValueError",
                        "variable type can only be: bool, str, int, float, bytes or json");
            };
        } catch (NumberFormatException | JacksonException e) {
            throw new PythonError("ValueError", "cannot convert '" + text + "' to " + type);
        }
    }

    private static Object toInt(Object value, String text) {
        if (value instanceof Double d) {
            return normalize(BigDecimal.valueOf(d).toBigInteger());
        }
        return normalize(new BigInteger(text.strip().replace("_", "")));
    }

    private static Object toFloat(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }

    private static Object normalize(Object value) {
        if (value instanceof BigInteger i) {
            if (i.bitLength() < 32) {
                return i.intValue();
            }
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, normalize(v)));
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return new java.util.ArrayList<>(list.stream().map(EnvValueConverter::normalize).toList());
        }
        return value;
    }
}
