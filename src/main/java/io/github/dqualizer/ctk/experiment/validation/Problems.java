package io.github.dqualizer.ctk.experiment.validation;

import io.github.dqualizer.ctk.experiment.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects validation problems in the order they are found. */
public final class Problems {

    private final List<ValidationProblem> list = new ArrayList<>();

    public void add(String location, String message) {
        list.add(new ValidationProblem(location, message));
    }

    public List<ValidationProblem> toList() {
        return List.copyOf(list);
    }

    static String child(String location, String key) {
        return location.isEmpty() ? key : location + "." + key;
    }

    static String item(String location, int index) {
        return location + "[" + index + "]";
    }
}
