package io.github.dqualizer.ctk.providers.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds in a {@code java} launcher's arguments what {@code jps} lists: the main class, the jar file
 * name of {@code -jar}, or the class of {@code -m module/class}.
 *
 * <p>Limits: {@code @argfiles} and options from {@code JDK_JAVA_OPTIONS} are not expanded (jps reads
 * the running JVM instead of its command line).
 */
final class JvmCommandLine {

    /** Launcher options whose value is the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--limit-modules", "--add-exports", "--add-opens", "--add-reads",
            "--patch-module", "--enable-native-access", "--source", "--describe-module", "-d");

    private JvmCommandLine() {
    }

    static Optional<String> mainName(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if ((argument.equals("-jar") || argument.equals("-m") || argument.equals("--module")) && i + 1 < arguments.size()) {
                return Optional.of(argument.equals("-jar") ? RunningProcess.fileName(arguments.get(i + 1)) : afterSlash(arguments.get(i + 1)));
            }
            if (argument.startsWith("--module=")) {
                return Optional.of(afterSlash(argument.substring("--module=".length())));
            }
            if (OPTIONS_WITH_VALUE.contains(argument)) {
                i++;
            } else if (!argument.startsWith("-") && !argument.startsWith("@")) {
                return Optional.of(argument);
            }
        }
        return Optional.empty();
    }

    private static String afterSlash(String moduleAndClass) {
        int slash = moduleAndClass.indexOf('/');
        return slash < 0 ? moduleAndClass : moduleAndClass.substring(slash + 1);
    }
}
