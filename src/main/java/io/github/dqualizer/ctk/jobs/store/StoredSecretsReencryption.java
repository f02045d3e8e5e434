package io.github.dqualizer.ctk.jobs.store;

import io.github.dqualizer.ctk.secrets.EncryptionProperties;
import io.github.dqualizer.ctk.secrets.SecretsCipher;
import io.github.dqualizer.ctk.secrets.SecretsKeyring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts stored secrets blobs that are not under the current key: after a rotation (so the retired key can be
 * dropped) and blobs in the format before key ids (so they become bound to their run or schedule). Runs once per
 * start, in the background, in batches; each row is replaced only if it still holds the blob that was read, so a
 * concurrent writer or another instance doing the same is never overwritten. The schedules table is included here
 * (plain SQL, no dependency on the schedules module) so one pass and one log line cover every stored blob.
 */
@Component
class StoredSecretsReencryption {

    private static final Logger log = LoggerFactory.getLogger(StoredSecretsReencryption.class);
    private static final int BATCH = 200;
    private static final int NAMED_FAILURES = 5;

    private final JdbcTemplate jdbc;
    private final SecretsCipher cipher;
    private final SecretsKeyring keyring;
    private final EncryptionProperties properties;

    StoredSecretsReencryption(JdbcTemplate jdbc, SecretsCipher cipher, SecretsKeyring keyring,
                              EncryptionProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.keyring = keyring;
        this.properties = properties;
    }

    /** What one pass did: rows re-encrypted, rows whose blob no configured key decrypts, rows still not current. */
    public record Pass(int reencrypted, int undecryptable, int remaining) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.reencryptOnStart()) {
            Thread thread = new Thread(this::reencryptLogged, "ctk-secrets-reencryption");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void reencryptLogged() {
        try {
            reencryptAll();
        } catch (RuntimeException e) {
            log.warn("Re-encrypting stored secrets stopped: {} (the next start tries again)", e.toString());
        }
    }

    /** One pass over runs and schedules. Blocking (JDBC). */
    public Pass reencryptAll() {
        List<String> failed = new ArrayList<>();
        int done = table("experiment_runs", StoredExperiment::runBinding, failed)
                + table("schedules", StoredExperiment::scheduleBinding, failed);
        int remaining = remaining("experiment_runs") + remaining("schedules");
        if (done > 0 || !failed.isEmpty()) {
            log.info("Stored secrets re-encrypted with key id {}: {} blob(s); {} cannot be decrypted with any configured "
                            + "key{}; {} blob(s) not under the current key remain", keyring.currentId(), done, failed.size(),
                    failed.isEmpty() ? "" : " (" + String.join(", ", failed.subList(0, Math.min(NAMED_FAILURES, failed.size())))
                            + (failed.size() > NAMED_FAILURES ? ", …" : "") + ")", remaining);
        }
        return new Pass(done, failed.size(), remaining);
    }

    private int table(String table, UnaryOperator<String> binding, List<String> failed) {
        int done = 0;
        String after = "";
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, secrets_cipher FROM " + table
                    + " WHERE secrets_cipher IS NOT NULL AND secrets_cipher NOT LIKE ? AND id > ? ORDER BY id LIMIT "
                    + BATCH, currentPrefix(), after);
            for (Map<String, Object> row : rows) {
                String id = (String) row.get("id");
                String stored = (String) row.get("secrets_cipher");
                after = id;
                String again;
                try {
                    again = cipher.encrypt(cipher.decrypt(stored, binding.apply(id)), binding.apply(id));
                } catch (IllegalStateException undecryptable) {
                    failed.add(binding.apply(id));
                    continue;
                }
                done += jdbc.update("UPDATE " + table + " SET secrets_cipher = ? WHERE id = ? AND secrets_cipher = ?",
                        again, id, stored);
            }
            if (rows.size() < BATCH) {
                return done;
            }
        }
    }

    private int remaining(String table) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE secrets_cipher IS NOT NULL AND secrets_cipher NOT LIKE ?", Integer.class, currentPrefix());
        return count == null ? 0 : count;
    }

    private String currentPrefix() {
        return "v2:" + keyring.currentId() + ":%";
    }
}
