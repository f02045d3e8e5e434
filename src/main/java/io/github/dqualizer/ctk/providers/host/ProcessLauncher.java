package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a program that outlives the activity: no stdin, stdout and stderr appended to a log file
 * in {@code ctk.host.log-directory}, working directory = the program's directory.
 */
@Component
class ProcessLauncher {

    private static final Logger log = LoggerFactory.getLogger(ProcessLauncher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final HostProperties properties;
    private final ChildEnvironment childEnvironment;

    public ProcessLauncher(HostProperties properties, ChildEnvironment childEnvironment) {
        this.properties = properties;
        this.childEnvironment = childEnvironment;
    }

    /** Starts {@code command}; {@code program} names the log file and gives the working directory. */
    public Process launch(List<String> command, Path program) {
        Path logFile = properties.logDirectory().resolve(program.getFileName() + "-" + LocalDateTime.now().format(STAMP) + ".log");
        try {
            Files.createDirectories(properties.logDirectory());
            Path workingDirectory = program.toAbsolutePath().getParent();
            Process process = childEnvironment.applyTo(new ProcessBuilder(command))
                    .directory(workingDirectory == null ? null : workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            process.getOutputStream().close();
            log.info("Started PID {}: {} (output in {})", process.pid(), command, logFile);
            return process;
        } catch (IOException e) {
            throw new ActivityFailedException("Could not start " + program + ": " + e.getMessage(), e);
        }
    }
}
