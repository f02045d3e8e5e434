package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.experiment.jsonpath.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser for the jsonpath2 0.4 grammar (JSONPath.g4). */
final class Parser {

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static PathExpr parse(String text) {
        Parser parser = new Parser(Lexer.tokenize(text));
        parser.expect(Kind.ROOT);
        PathExpr path = new PathExpr(true, parser.steps());
        parser.expect(Kind.EOF);
        return path;
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        while (true) {
            Kind kind = peek().kind();
            if (kind == Kind.DESCENT) {
                next();
                steps.add(new Step(peek().kind() == Kind.LBRACKET ? subscriptables() : List.of(bareword()), true));
            } else if (kind == Kind.DOT) {
                next();
                steps.add(new Step(List.of(bareword()), false));
            } else if (kind == Kind.LBRACKET) {
                steps.add(new Step(subscriptables(), false));
            } else {
                return steps;
            }
        }
    }

    private Subscript bareword() {
        Token t = next();
        if (t.kind() == Kind.STAR) {
            return new Subscript.Wildcard();
        }
        if (t.kind() != Kind.ID) {
            throw error(t);
        }
        return peek().kind() == Kind.LPAREN ? call(t.text()) : new Subscript.Key(t.text());
    }

    private List<Subscript> subscriptables() {
        expect(Kind.LBRACKET);
        List<Subscript> list = new ArrayList<>();
        list.add(subscriptable());
        while (peek().kind() == Kind.COMMA) {
            next();
            list.add(subscriptable());
        }
        expect(Kind.RBRACKET);
        return list;
    }

    private Subscript subscriptable() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new Subscript.Key(rawString(t));
            }
            case NUMBER -> {
                Long start = integer(next());
                return peek().kind() == Kind.COLON ? slice(start) : new Subscript.Index(start);
            }
            case COLON -> {
                return slice(null);
            }
            case STAR -> {
                next();
                return new Subscript.Wildcard();
            }
            case QUESTION -> {
                next();
                expect(Kind.LPAREN);
                Expression expression = expression();
                expect(Kind.RPAREN);
                return new Subscript.Filter(expression);
            }
            case ROOT, CURRENT -> {
                return new Subscript.NodeIndex(innerPath());
            }
            case ID -> {
                next();
                if (peek().kind() != Kind.LPAREN) {
                    throw error(peek());
                }
                return call(t.text());
            }
            default -> throw error(t);
        }
    }

    private Subscript slice(Long start) {
        expect(Kind.COLON);
        Long end = peek().kind() == Kind.NUMBER ? integer(next()) : null;
        Long step = null;
        if (peek().kind() == Kind.COLON) {
            next();
            step = peek().kind() == Kind.NUMBER ? integer(next()) : null;
        }
        return new Subscript.Slice(start, end, step);
    }

    private Subscript call(String name) {
        expect(Kind.LPAREN);
        List<Object> args = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            args.add(operand());
            while (peek().kind() == Kind.COMMA) {
                next();
                args.add(operand());
            }
        }
        expect(Kind.RPAREN);
        if (!Callables.NAMES.contains(name)) {
            throw new JsonPathException("callable subscript '" + name + "' not found");
        }
        return new Subscript.Call(name, args);
    }

    // expression: andExpression; and: or (AND and)?; or: not (OR or)?  (so "or" binds tighter than "and")
    private Expression expression() {
        List<Expression> ands = new ArrayList<>(List.of(orExpression()));
        while (peek().kind() == Kind.AND) {
            next();
            ands.add(orExpression());
        }
        return ands.size() == 1 ? ands.get(0) : new Expression.And(ands);
    }

    private Expression orExpression() {
        List<Expression> ors = new ArrayList<>(List.of(notExpression()));
        while (peek().kind() == Kind.OR) {
            next();
            ors.add(notExpression());
        }
        return ors.size() == 1 ? ors.get(0) : new Expression.Or(ors);
    }

    private Expression notExpression() {
        if (peek().kind() == Kind.NOT) {
            next();
            return new Expression.Not(notExpression());
        }
        if (peek().kind() == Kind.LPAREN) {
            next();
            Expression inner = expression();
            expect(Kind.RPAREN);
            return inner;
        }
        Object left = operand();
        String operator = switch (peek().kind()) {
            case EQ, NE, LT, LE, GT, GE -> next().text();
            default -> null;
        };
        return operator == null ? new Expression.Some(left) : new Expression.Compare(operator, left, operand());
    }

    /** jsonpath__: a path from {@code $}/{@code @} or a JSON value. */
    private Object operand() {
        Kind kind = peek().kind();
        return kind == Kind.ROOT || kind == Kind.CURRENT ? innerPath() : value();
    }

    private PathExpr innerPath() {
        boolean root = next().kind() == Kind.ROOT;
        return new PathExpr(root, steps());
    }

    private Object value() {
        Token t = next();
        return switch (t.kind()) {
            case STRING -> rawString(t);
            case NUMBER -> number(t.text());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case LBRACE -> object();
            case LBRACKET -> array();
            default -> throw error(t);
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (peek().kind() == Kind.RBRACE) {
            next();
            return map;
        }
        do {
            Token key = expect(Kind.STRING);
            expect(Kind.COLON);
            map.put(rawString(key), value());
        } while (peek().kind() == Kind.COMMA && next() != null);
        expect(Kind.RBRACE);
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        if (peek().kind() == Kind.RBRACKET) {
            next();
            return list;
        }
        do {
            list.add(value());
        } while (peek().kind() == Kind.COMMA && next() != null);
        expect(Kind.RBRACKET);
        return list;
    }

    /** jsonpath2 keeps the text between the quotes as-is (escapes are not decoded). */
    private static String rawString(Token t) {
        return t.text().substring(1, t.text().length() - 1);
    }

    private Long integer(Token t) {
        if (t.kind() != Kind.NUMBER || !t.text().matches("-?\\d+")) {
            throw error(t);
        }
        return Long.parseLong(t.text());
    }

    private static Object number(String text) {
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return Double.parseDouble(text);
        }
        BigInteger i = new BigInteger(text);
        return i.bitLength() < 32 ? (Object) i.intValue() : i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private Token expect(Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw error(t);
        }
        return t;
    }

    private static JsonPathException error(Token t) {
        return new JsonPathException("line 1:" + t.position() + " unexpected input '" + t.text() + "'");
    }
}
