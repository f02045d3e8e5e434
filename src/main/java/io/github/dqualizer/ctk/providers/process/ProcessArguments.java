package io.github.dqualizer.ctk.providers.process;

import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.pyvalues.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the command line of a process activity from its argument forms (6.2 step 3). */
final class ProcessArguments {

    private ProcessArguments() {
    }

    /** @param executable resolved path, or {@code null} when not found */
    static List<String> command(String path, String executable, Object arguments) {
        if (arguments == null) {
            arguments = List.of();
        }
        if (arguments instanceof String s) {
            // chaoslib runs "<path> <arguments>" through the shell; a missing executable becomes the word None
            return List.of("/bin/sh", "-c", (executable == null ? "None" : executable) + " " + s);
        }
        List<Object> items;
        if (arguments instanceof List<?> list) {
            items = new ArrayList<>(list);
        } else if (arguments instanceof Map<?, ?> map) {
            items = new ArrayList<>();
            map.forEach((k, v) -> {
                items.add(k);
                items.add(v);
            });
        } else {
            throw new ProviderCrashException("TypeError", "'" + typeName(arguments) + "' object is not iterable");
        }
        if (executable == null) {
            throw new ProviderCrashException("TypeError",
                    "expected str, bytes or os.PathLike object, not NoneType (executable '" + path + "' not found)");
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        for (Object item : items) {
            if (item != null && !"".equals(item)) {
                command.add(PyText.str(item));
            }
        }
        return command;
    }

    private static String typeName(Object value) {
        return io.github.dqualizer.ctk.pyvalues.PyValues.typeName(value);
    }
}
