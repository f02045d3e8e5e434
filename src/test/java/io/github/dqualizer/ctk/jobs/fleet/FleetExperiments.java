package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;

/** The experiments the fleet tests submit. */
final class FleetExperiments {

    private FleetExperiments() {
    }

    static String sleep(String title, int seconds) {
        return """
                {"title": "%s", "description": "sleeps",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "%d"}}]}
                """.formatted(title, seconds);
    }

    /** A long action (longer than any test waits) whose rollback touches the marker. */
    static String longRunWithRollback(String title, Path rollbackMarker) {
        return """
                {"title": "%s", "description": "a long action with a rollback",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "300"}}],
                 "rollbacks": [{"type": "action", "name": "mark", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(title, rollbackMarker);
    }

    /** A host-process probe: pinned to the accepting host when it names none. */
    static String hostProcessExperiment() {
        return """
                {"title": "host process", "description": "looks at this host's processes",
                 "method": [{"type": "probe", "name": "java exists", "provider": {"type": "python",
                   "module": "processMonitoring", "func": "check_process_exists",
                   "arguments": {"db_username": "%s", "db_password": "%s", "username": "%s", "password": "%s",
                                 "process_name": "java"}}}]}
                """.formatted(TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD);
    }
}
