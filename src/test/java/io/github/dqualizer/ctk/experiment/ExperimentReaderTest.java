package io.github.dqualizer.ctk.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentReaderTest {

    private final ExperimentReader reader = new ExperimentReader();

    @Test
    void jsonThenPlainValuesInOrder() {
        Map<String, Object> doc = read("{\"b\": 1, \"a\": [1.5, true, null, 12345678901, 123456789012345678901234]}", false);
        assertThat(doc.keySet()).containsExactly("b", "a");
        assertThat((List<Object>) doc.get("a")).containsExactly(1.5, true, null, 12345678901L,
                new BigInteger("123456789012345678901234"));
    }

    @Test
    void yamlThenSameValues() {
        assertThat(read("title: t\nmethod: []\nn: 3\n", true)).containsEntry("n", 3).containsEntry("title", "t");
    }

    @Test
    void yamlTagThenRejected() {
        assertThatThrownBy(() -> read("a: !!python/object:os.system ls\n", true))
                .isInstanceOf(ExperimentFormatException.class).hasMessageContaining("tags are not allowed");
    }

    @Test
    void malformedThenLocatedMessage() {
        assertThatThrownBy(() -> read("{\n  \"a\": \n}", false))
                .isInstanceOf(ExperimentFormatException.class).hasMessageStartingWith("Malformed JSON at line 3");
    }

    @Test
    void notAnObjectThenRejected() {
        assertThatThrownBy(() -> read("[1]", false)).hasMessageContaining("must be an object");
    }

    @Test
    void deepNestingThenFormatError() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> read(deep, false)).isInstanceOf(ExperimentFormatException.class);
    }

    private Map<String, Object> read(String text, boolean yaml) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), yaml);
    }
}
