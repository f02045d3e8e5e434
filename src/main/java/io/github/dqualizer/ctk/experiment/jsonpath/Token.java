package io.github.dqualizer.ctk.experiment.jsonpath;

/** One lexical token of a jsonpath2 path; {@code text} is the source text. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        ROOT, CURRENT, DESCENT, DOT, STAR, AND, OR, NOT, EQ, NE, LT, LE, GT, GE, TRUE, FALSE, NULL,
        LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, LPAREN, RPAREN, QUESTION, ID, STRING, NUMBER, EOF
    }
}
