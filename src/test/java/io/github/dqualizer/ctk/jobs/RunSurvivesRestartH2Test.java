package io.github.dqualizer.ctk.jobs;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class RunSurvivesRestartH2Test extends RunSurvivesRestartContract {

    @TempDir
    Path dir;

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
    }
}
