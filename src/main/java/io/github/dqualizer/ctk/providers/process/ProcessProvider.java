package io.github.dqualizer.ctk.providers.process;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.providers.output.BoundedOutputCollector;
import io.github.dqualizer.ctk.providers.output.CapturedOutput;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.unit.DataSize;

/**
 * chaoslib's process provider (6.2): runs the executable, waits (with the provider timeout), and returns
 * {@code {status, stdout, stderr}}; a non-zero exit is not a failure. Interruption kills the process.
 */
public final class ProcessProvider {

    private final EnvLookup env;
    private final ExecutablePolicy executables;
    private final ChildEnvironment childEnvironment;
    private final BoundedOutputCollector output;
    private final ProcessStarter starter = ProcessStarter.forThisJvm();

    public ProcessProvider(EnvLookup env) {
        this(env, ExecutablePolicy.allowAll());
    }

    public ProcessProvider(EnvLookup env, ExecutablePolicy executables) {
        this(env, executables, ChildEnvironment.defaults());
    }

    /** @param childEnvironment what the started process sees of the service's environment */
    public ProcessProvider(EnvLookup env, ExecutablePolicy executables, ChildEnvironment childEnvironment) {
        this(env, executables, childEnvironment, BoundedOutputCollector.DEFAULT_LIMIT);
    }

    /** @param maxOutputSize the most kept of stdout and of stderr each ({@code ctk.engine.max-output-size}) */
    public ProcessProvider(EnvLookup env, ExecutablePolicy executables, ChildEnvironment childEnvironment,
                           DataSize maxOutputSize) {
        this.env = env;
        this.executables = executables;
        this.childEnvironment = childEnvironment;
        this.output = new BoundedOutputCollector((int) maxOutputSize.toBytes());
    }

    /** @param provider the provider block with substituted arguments */
    public Map<String, Object> run(Map<?, ?> provider) throws InterruptedException {
        String path = String.valueOf(provider.get("path"));
        Long timeoutMillis = timeout(provider.get("timeout"));
        String executable = ExecutableLocator.whichExpanded(path, env).orElse(null);
        // validation refused these already; checked again because PATH or files may change before the run
        if (!executables.allows(path, executable)) {
            throw new ActivityFailedException("Refused: " + executables.refusal(path));
        }
        if (executables.refusesShellArguments(provider.get("arguments"))) {
            throw new ActivityFailedException("Refused: " + executables.shellRefusal());
        }
        List<String> command = ProcessArguments.command(path, executable, provider.get("arguments"));
        Process process = null;
        try {
            process = starter.start(childEnvironment.applyTo(new ProcessBuilder(command))
                    .redirectInput(ProcessBuilder.Redirect.INHERIT));
            Long deadline = timeoutMillis == null ? null : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            // both pipes are read from the start, on this thread, until the process has exited and they are empty
            Optional<BoundedOutputCollector.ProcessStreams> captured = output.read(process, deadline);
            if (captured.isEmpty()) {
                kill(process);
                throw new ActivityFailedException("process activity took too long to complete");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", process.exitValue()); // it has exited
            result.put("stdout", text(captured.get().stdout()));
            result.put("stderr", text(captured.get().stderr()));
            return result;
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } catch (IOException e) {
            throw new ProviderCrashException(e instanceof java.nio.file.NoSuchFileException
                    ? "FileNotFoundError" : "OSError", String.valueOf(e.getMessage()));
        }
    }

    private static Long timeout(Object value) {
        if (value == null) {
            return null;
        }
        if (!PyValues.isNumeric(value)) {
            throw new ProviderCrashException("TypeError",
                    "'<=' not supported between instances of '" + PyValues.typeName(value) + "' and 'int'");
        }
        return (long) Math.ceil(((Number) (value instanceof Boolean b ? (b ? 1 : 0) : value)).doubleValue() * 1000);
    }

    /** Kills the process and its descendants: we don't want leftovers of a cancelled run. */
    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** UTF-8 text of the kept bytes, with the truncation marker when more was printed. */
    private static String text(CapturedOutput captured) {
        return decode(captured.decodableBytes(StandardCharsets.UTF_8)) + captured.marker("output");
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ActivityFailedException("Failed to decode bytes using encoding 'utf-8'");
        }
    }
}
