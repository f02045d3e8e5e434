package io.github.dqualizer.ctk.experiment;

public record ValidationProblem(String location, String message) {
}
