package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.experiment.jsonpath.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokenises a path like jsonpath2's ANTLR lexer (longest match, keywords before identifiers). */
final class Lexer {

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\([\"\\\\/bfnrt]|u[0-9a-fA-F]{4})|[^\"\\\\\\x00-\\x1F])*\"");
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?(?:0|[1-9][0-9]*))?");
    private static final Pattern ID = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");
    private static final Map<String, Kind> KEYWORDS = Map.of("and", Kind.AND, "or", Kind.OR, "not", Kind.NOT,
            "true", Kind.TRUE, "false", Kind.FALSE, "null", Kind.NULL);
    private static final Map<Character, Kind> SINGLE = Map.ofEntries(Map.entry('$', Kind.ROOT),
            Map.entry('@', Kind.CURRENT), Map.entry('*', Kind.STAR), Map.entry('=', Kind.EQ),
            Map.entry('{', Kind.LBRACE), Map.entry('}', Kind.RBRACE), Map.entry('[', Kind.LBRACKET),
            Map.entry(']', Kind.RBRACKET), Map.entry(':', Kind.COLON), Map.entry(',', Kind.COMMA),
            Map.entry('(', Kind.LPAREN), Map.entry(')', Kind.RPAREN), Map.entry('?', Kind.QUESTION),
            Map.entry('<', Kind.LT), Map.entry('>', Kind.GT), Map.entry('.', Kind.DOT));

    private Lexer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            Kind twoKind = switch (two) {
                case ".." -> Kind.DESCENT;
                case "!=" -> Kind.NE;
                case "<=" -> Kind.LE;
                case ">=" -> Kind.GE;
                default -> null;
            };
            if (twoKind != null) {
                tokens.add(new Token(twoKind, two, i));
                i += 2;
                continue;
            }
            Matcher m;
            if (c == '"') {
                m = STRING.matcher(s).region(i, s.length());
                i = add(tokens, m, Kind.STRING, i, s);
            } else if (c == '-' || Character.isDigit(c)) {
                m = NUMBER.matcher(s).region(i, s.length());
                i = add(tokens, m, Kind.NUMBER, i, s);
            } else if (c == '_' || (c < 128 && Character.isLetter(c))) {
                m = ID.matcher(s).region(i, s.length());
                m.lookingAt();
                String word = m.group();
                tokens.add(new Token(KEYWORDS.getOrDefault(word, Kind.ID), word, i));
                i = m.end();
            } else if (SINGLE.containsKey(c)) {
                tokens.add(new Token(SINGLE.get(c), String.valueOf(c), i));
                i++;
            } else {
                throw new JsonPathException("token recognition error at: '" + c + "' (column " + i + ")");
            }
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", s.length()));
        return tokens;
    }

    private static int add(List<Token> tokens, Matcher m, Kind kind, int i, String s) {
        if (!m.lookingAt()) {
            throw new JsonPathException("token recognition error at: '" + s.charAt(i) + "' (column " + i + ")");
        }
        tokens.add(new Token(kind, m.group(), i));
        return m.end();
    }
}
