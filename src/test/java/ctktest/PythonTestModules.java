package ctktest;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import io.github.dqualizer.ctk.pythonruntime.PythonProperties;
import io.github.dqualizer.ctk.pythonruntime.PythonRuntime;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The Python modules written for the tests ({@code src/test/resources/python}) and a runtime that finds them. */
public final class PythonTestModules {

    private PythonTestModules() {
    }

    public static Path directory() {
        try {
            return Path.of(PythonTestModules.class.getResource("/python/ctktest_ext.py").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real {@code python3} of the machine, with the test modules on its {@code PYTHONPATH}. */
    public static PythonRuntime runtime() {
        return new PythonRuntime(properties(), ChildEnvironment.defaults());
    }

    public static PythonProperties properties() {
        return PythonProperties.defaults().withPath(List.of(directory().toString()));
    }

    /** A runtime whose {@code ctk.python.executable} does not exist: a host without Python. */
    public static PythonRuntime withoutPython() {
        return new PythonRuntime(properties().withExecutable("/nonexistent/python3"), ChildEnvironment.defaults());
    }
}
