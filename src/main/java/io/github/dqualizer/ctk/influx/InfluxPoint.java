package io.github.dqualizer.ctk.influx;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One InfluxDB point, rendered as a line of InfluxDB line protocol with a millisecond timestamp.
 *
 * <p>Integral numbers ({@link Integer}, {@link Long}) are written as integers ({@code 500i}) and
 * all other numbers as floats, as the Python client of the prototype did, so that field types
 * stay compatible with buckets the prototype already filled.
 */
record InfluxPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, long timestampMillis) {

    public InfluxPoint {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a point needs at least one field");
        }
        tags = new TreeMap<>(tags);
        fields = new LinkedHashMap<>(fields);
    }

    /** The point as one line of line protocol, without trailing newline. */
    public String toLineProtocol() {
        StringBuilder line = new StringBuilder(escape(measurement, ", "));
        tags.forEach((key, value) -> line.append(',').append(escape(key, ",= ")).append('=').append(escape(value, ",= ")));
        line.append(' ').append(fields.entrySet().stream()
                .map(field -> escape(field.getKey(), ",= ") + "=" + fieldValue(field.getValue()))
                .collect(Collectors.joining(",")));
        return line.append(' ').append(timestampMillis).toString();
    }

    private static String fieldValue(Object value) {
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof Integer || value instanceof Long) {
            return value + "i";
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("line protocol cannot carry " + d);
            }
            String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String escape(String text, String special) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
