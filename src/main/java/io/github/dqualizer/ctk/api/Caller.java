package io.github.dqualizer.ctk.api;

/** An authenticated user; operators may see and stop every run. */
record Caller(String username, boolean operator) {
}
