package io.github.dqualizer.ctk.jobs.dashboard;

import io.github.dqualizer.ctk.secrets.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the dashboard account: the configured one, or else user {@code admin} with a password generated
 * once and kept in an owner-only file. The dashboard can delete and requeue jobs, so it is never open.
 */
final class DashboardCredentialsResolver {

    static final String GENERATED_USER = "admin";

    private static final Logger log = LoggerFactory.getLogger(DashboardCredentialsResolver.class);

    private DashboardCredentialsResolver() {
    }

    /** @param passwordFile where a generated password is kept */
    static DashboardCredentials resolve(DashboardProperties properties, Path passwordFile) {
        boolean hasUser = present(properties.username());
        boolean hasPassword = present(properties.password());
        if (hasUser && hasPassword) {
            return new DashboardCredentials(properties.username(), properties.password());
        }
        if (hasUser || hasPassword) {
            throw new IllegalStateException("Refusing to start: set both ctk.dashboard.username and "
                    + "ctk.dashboard.password (CTK_DASHBOARD_USERNAME, CTK_DASHBOARD_PASSWORD), or neither to use "
                    + "a generated password");
        }
        if (properties.requireCredentials()) {
            throw new IllegalStateException("Refusing to start: ctk.dashboard.require-credentials is set (profile "
                    + "prod) but no dashboard account is configured. Set CTK_DASHBOARD_USERNAME and "
                    + "CTK_DASHBOARD_PASSWORD, or disable the dashboard with CTK_DASHBOARD_ENABLED=false.");
        }
        return new DashboardCredentials(GENERATED_USER, generatedPassword(passwordFile));
    }

    private static String generatedPassword(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                OwnerOnlyFiles.create(file, password);
            } catch (FileAlreadyExistsException raced) {
                return read(file); // another instance on the same directory was first
            }
            // the path only: the password itself never goes to a log
            log.warn("No dashboard account configured: user '{}', password generated in {}", GENERATED_USER,
                    file.toAbsolutePath());
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated dashboard password in " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (password.isEmpty()) {
            throw new IllegalStateException("The dashboard password file " + file + " is empty; delete it to "
                    + "generate a new password");
        }
        log.info("Dashboard account: user '{}', password in {}", GENERATED_USER, file.toAbsolutePath());
        return password;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
