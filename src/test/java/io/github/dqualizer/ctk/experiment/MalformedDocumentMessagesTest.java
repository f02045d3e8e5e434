package io.github.dqualizer.ctk.experiment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A malformed document is answered with line, column and a short plain reason: never the parser's internals
 * (Jackson's "[Source: REDACTED …]", character codes, token names, SnakeYAML's context lines).
 */
class MalformedDocumentMessagesTest {

    private final ExperimentReader reader = new ExperimentReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {                      | Malformed JSON at line 1, column 2: the document ends before every object and array is closed
            {"a": [1, 2}           | Malformed JSON at line 1, column 12: found '}' where ']' closes the open array or object
            {"title": }            | Malformed JSON at line 1, column 11: expected a value, found '}'
            {"a" "b"}              | Malformed JSON at line 1, column 6: expected ':' after the property name, found '"'
            {"a": 1 "b": 2}        | Malformed JSON at line 1, column 9: expected ',' or '}' after a property, found '"'
            {"a": 1,}              | Malformed JSON at line 1, column 9: expected a property name in double quotes, found '}'
            {"a": tru}             | Malformed JSON at line 1, column 7: 'tru' is not a value (use a string in double quotes, a number, true, false, null, an object or an array)
            {"a": "x               | Malformed JSON at line 1, column 9: a string is not closed
            {"a": 01}              | Malformed JSON at line 1, column 8: a number must not start with 0
            {"a": 1}}              | Malformed JSON at line 1, column 9: '}' closes nothing
            """)
    void malformedJsonThenLineColumnAndPlainReason(String document, String message) {
        assertThatThrownBy(() -> reader.read(document.getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(ExperimentFormatException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `title: t\\n\\tmethod: []` | Malformed YAML at line 2, column 1: a tab cannot be used for indentation
            `title: [`                 | Malformed YAML at line 1, column 9: expected the node content, but found the end of the document
            `title: a: b`              | Malformed YAML at line 1, column 9: mapping values are not allowed here
            `title: 'x`                | Malformed YAML at line 1, column 10: the document ends too early
            `title: @x`                | Malformed YAML at line 1, column 8: '@' cannot start a value (put the value in quotes)
            """)
    void malformedYamlThenWhereSnakeYamlFoundItAndPlainReason(String document, String message) {
        String yaml = document.replace("\\n", "\n").replace("\\t", "\t");
        assertThatThrownBy(() -> reader.read(yaml.getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOf(ExperimentFormatException.class).hasMessage(message)
                .message().doesNotContain("Source", "REDACTED", "code ", "VALUE_", "while ", "in reader", "^");
    }
}
