package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What jps would list for a {@code java} command line. */
class JvmCommandLineTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "-jar /opt/leasingninja/leasingninja-riskApi-0.0.1-SNAPSHOT.jar --server.port=8081 | leasingninja-riskApi-0.0.1-SNAPSHOT.jar",
            "-Xmx512m -Dspring.profiles.active=x -jar app.jar                                 | app.jar",
            "-cp a.jar:b.jar com.example.Main arg                                              | com.example.Main",
            "-classpath lib/* --add-opens java.base/java.lang=ALL-UNNAMED com.example.Main    | com.example.Main",
            "-p mods -m com.example.app/com.example.app.Main                                    | com.example.app.Main",
            "--module=com.example.app/com.example.app.Main                                      | com.example.app.Main",
            "-version                                                                           | none",
            "@argfile                                                                           | none",
    })
    void mainName(String arguments, String expected) {
        List<String> split = Arrays.asList(arguments.trim().split("\\s+"));
        assertThat(JvmCommandLine.mainName(split)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/usr/bin/ctksleep1   | ctksleep1                  | true",
            "/usr/bin/ctksleep1   | ctksleep                   | false",
            "C:\\bin\\notepad.exe | notepad                    | true",
            "C:\\bin\\notepad.exe | notepad.exe                | true",
            "/jdk/bin/java        | leasingninja-riskApi-0.0.1 | true",
            "/jdk/bin/java        | riskApi                    | true",
            "/jdk/bin/java        | opt                        | false",
    })
    void matches(String command, String processName, boolean expected) {
        RunningProcess process = RunningProcess.of(ProcessHandle.current(), command,
                List.of("-jar", "/opt/leasingninja/leasingninja-riskApi-0.0.1-SNAPSHOT.jar"));
        assertThat(process.matches(processName)).isEqualTo(expected);
    }
}
