package io.github.dqualizer.ctk.pyvalues;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Python {@code re} pattern into an equivalent {@link Pattern}: named groups
 * {@code (?P<n>..)}/{@code (?P=n)}, {@code \Z}, {@code \v}, {@code \0}, literal {@code [}/{@code &}/{@code {}},
 * {@code {,n}}; {@code $} and {@code .} with UNIX_LINES; Unicode classes as Python's str patterns.
 */
public final class PyRegex {

    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?}");
    private static final String PYTHON_LETTER_ESCAPES = "AbBdDsSwWZafnrtvxuUN";

    private PyRegex() {
    }

    /** Python's {@code re.search}: does the pattern match anywhere in the text. */
    public static boolean search(String pattern, String text) {
        return compile(pattern).matcher(text).find();
    }

    /** @throws PythonError {@code re.error} when Python would reject the pattern */
    public static Pattern compile(String pattern) {
        String translated = translate(pattern);
        try {
            return Pattern.compile(translated, Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new PythonError("re.error", e.getDescription() + " at position " + Math.max(e.getIndex(), 0));
        }
    }

    static String translate(String p) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new PythonError("re.error", "bad escape (end of pattern) at position " + i);
                }
                i = escape(p, i, inClass, out);
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else {
                    out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
                }
                i++;
            } else if (c == '[') {
                inClass = true;
                out.append('[');
                i++;
                if (i < p.length() && p.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
            } else if (p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
            } else if (p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                if (end < 0) {
                    throw new PythonError("re.error", "missing ), unterminated name at position " + (i + 4));
                }
                out.append("\\k<").append(p, i + 4, end).append('>');
                i = end + 1;
            } else if (c == '{') {
                i = brace(p, i, out);
            } else if (c == '}') {
                out.append("\\}");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (inClass) {
            throw new PythonError("re.error", "unterminated character set at position " + p.lastIndexOf('['));
        }
        return out.toString();
    }

    private static int escape(String p, int i, boolean inClass, StringBuilder out) {
        char n = p.charAt(i + 1);
        if (Character.isLetter(n) && n < 128 && PYTHON_LETTER_ESCAPES.indexOf(n) < 0) {
            throw new PythonError("re.error", "bad escape \\" + n + " at position " + i);
        }
        switch (n) {
            case 'Z' -> out.append(inClass ? "Z" : "\\z");
            case 'v' -> out.append("\\x0B");
            case 'b' -> out.append(inClass ? "\\x08" : "\\b");
            case '0' -> out.append("\\x00");
            case 'U' -> {
                if (i + 10 > p.length()) {
                    throw new PythonError("re.error", "incomplete escape \\U at position " + i);
                }
                out.append("\\x{").append(p, i + 2, i + 10).append('}');
                return i + 10;
            }
            default -> out.append('\\').append(n);
        }
        return i + 2;
    }

    private static int brace(String p, int i, StringBuilder out) {
        Matcher m = QUANTIFIER.matcher(p).region(i, p.length());
        if (m.lookingAt() && !(m.group(1).isEmpty() && m.group(2) == null)) {
            String lo = m.group(1).isEmpty() ? "0" : m.group(1);
            out.append('{').append(lo);
            if (m.group(2) != null) {
                out.append(',').append(m.group(3));
            }
            out.append('}');
            return m.end();
        }
        out.append("\\{");
        return i + 1;
    }
}
