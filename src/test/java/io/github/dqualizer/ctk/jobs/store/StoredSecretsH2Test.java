package io.github.dqualizer.ctk.jobs.store;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;

/** Stored secrets on the embedded default database (H2, in memory, shared with the rotated instance by its name). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + StoredSecretsH2Test.URL,
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key=" + StoredSecretsContract.KEY})
class StoredSecretsH2Test extends StoredSecretsContract {

    static final String URL = "jdbc:h2:mem:ctk-stored-secrets;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Override
    List<String> datasourceArguments() {
        return List.of("--spring.datasource.url=" + URL);
    }
}
