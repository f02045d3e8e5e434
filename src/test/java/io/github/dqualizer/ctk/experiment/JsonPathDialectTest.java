package io.github.dqualizer.ctk.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jsonpath2 examples of spec 4.6 (values printed as Java lists). */
class JsonPathDialectTest {

    private static final Map<String, Object> DOC = new ExperimentReader().read(("{\"foo\":[{\"baz\":1},{\"baz\":2},"
            + "{\"qux\":3}],\"obj\":{\"baz\":\"hello\",\"n\":5},\"arr\":[1,2,3]}").getBytes(StandardCharsets.UTF_8), false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.foo[*].baz | [1, 2]",
        "$.foo.*[?(@.baz=2)] | [{baz=2}]",
        "$..baz | [1, 2, hello]",
        "$.arr[-1] | [3]",
        "$.arr[0:2] | [1, 2]",
        "$.arr[::-1] | [3, 2, 1]",
        "$.obj.* | [hello, 5]",
        "$.obj[?(@.baz=\"hello\")] | [{baz=hello, n=5}]",
        "$.foo[?(@.baz)] | []",
        "$.nope | []",
        "$[\"obj\"][\"n\"] | [5]",
        "$.arr[0,2] | [1, 3]",
        "$.arr[length()] | [3]",
        "$.foo.*[?(@.baz > 1 or @.qux)] | [{baz=2}, {qux=3}]",
        "$.foo.*[?(not @.baz)] | [{qux=3}]"})
    void pathThenValues(String path, String expected) {
        List<Object> values = JsonPath.parse(path).values(DOC);
        assertThat(values.toString()).isEqualTo(expected);
    }
}
