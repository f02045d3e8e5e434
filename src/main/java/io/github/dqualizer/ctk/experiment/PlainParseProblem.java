package io.github.dqualizer.ctk.experiment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Says what is wrong with an unparseable document in words a client can act on — line, column and a short
 * reason — without the parser's internals (token names, character codes, source descriptions, class names).
 */
final class PlainParseProblem {

    private static final int MAX_REASON = 160;
    private static final List<Rule> JSON_RULES = List.of(
            rule("Unexpected end-of-input in (?:VALUE_STRING|a String value|field name).*", "a string is not closed"),
            rule("Unexpected end-of-input.*", "the document ends before every object and array is closed"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): was expecting a colon.*",
                    "expected ':' after the property name, found '$1'"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): was expecting double-quote to start property name.*",
                    "expected a property name in double quotes, found '$1'"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): was expecting comma to separate Object entries.*",
                    "expected ',' or '}' after a property, found '$1'"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): was expecting comma to separate Array entries.*",
                    "expected ',' or ']' after an array element, found '$1'"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): expected a value.*", "expected a value, found '$1'"),
            rule("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\).*", "unexpected character '$1'"),
            rule("Unrecognized token '([^']{0,40})[^']*'.*",
                    "'$1' is not a value (use a string in double quotes, a number, true, false, null, an object or an array)"),
            rule("Unexpected close marker '(.)': expected '(.)'.*", "found '$1' where '$2' closes the open array or object"),
            rule("Unexpected close marker '(.)'.*", "'$1' closes nothing"),
            rule("Invalid numeric value: Leading zeroes not allowed.*", "a number must not start with 0"),
            rule("Unrecognized character escape '(.)'.*", "'\\\\$1' is not a valid escape in a string"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "a control character (code $1) must be escaped inside a string"),
            rule("Invalid UTF-8.*", "the document is not valid UTF-8"));

    private PlainParseProblem() {
    }

    /** "Malformed JSON at line L, column C: reason" for any Jackson failure while reading JSON or YAML. */
    static String describe(JacksonException e, String format) {
        Optional<MarkedYamlEngineException> yaml = yamlCause(e);
        if (yaml.isPresent()) {
            Optional<Mark> mark = yaml.get().getProblemMark().or(() -> yaml.get().getContextMark());
            String where = mark.map(m -> at(m.getLine() + 1, m.getColumn() + 1)).orElse("");
            return "Malformed " + format + where + ": " + yamlReason(yaml.get());
        }
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? "" : at(location.getLineNr(), location.getColumnNr());
        return "Malformed " + format + where + ": " + jsonReason(e.getOriginalMessage());
    }

    static String at(int line, int column) {
        return " at line " + line + ", column " + column;
    }

    private static String jsonReason(String message) {
        if (message == null) {
            return "the document cannot be read";
        }
        String firstLine = message.lines().findFirst().orElse("");
        for (Rule rule : JSON_RULES) {
            Matcher matcher = rule.pattern().matcher(firstLine);
            if (matcher.matches()) {
                return matcher.replaceFirst(rule.replacement());
            }
        }
        return shortened(withoutInternals(firstLine));
    }

    private static String yamlReason(MarkedYamlEngineException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (problem == null) {
            return "the document cannot be read";
        }
        if (problem.contains("\\t(TAB)")) {
            return "a tab cannot be used for indentation";
        }
        Matcher character = Pattern.compile("found character (.+?) that cannot start any token.*").matcher(problem);
        if (character.matches()) {
            return character.group(1) + " cannot start a value (put the value in quotes)";
        }
        if (problem.contains("unexpected end of stream")) {
            return "the document ends too early";
        }
        return shortened(problem.replace("'<stream end>'", "the end of the document")
                .replace("<stream end>", "the end of the document").replace("<block end>", "the end of a block"));
    }

    /** The fallback: whatever Jackson says, less its source descriptions, character codes, token and class names. */
    private static String withoutInternals(String message) {
        return message.replaceAll(" ?\\(?(?:for [A-Za-z]+ )?starting at \\[Source:.*", "")
                .replaceAll(" ?\\[Source:[^]]*]", "")
                .replaceAll(",? ?from `[^`]*`", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?", "")
                .replaceAll("\\b(?:VALUE|START|END|FIELD|PROPERTY)_[A-Z_]+\\b", "value")
                .trim();
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON - 1) + "…";
    }

    private static Optional<MarkedYamlEngineException> yamlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), replacement);
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}
