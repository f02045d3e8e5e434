package io.github.dqualizer.ctk.providers.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * Processes with distinctive names that only the tests start and that they end again: a copy of
 * {@code /bin/sleep} named {@code ctksleep<random>} and a tiny sleeping Java program in
 * {@code ctkdummy-<random>.jar} with main class {@code ctkdummy.Sleeper<random>}.
 */
final class DummyProcesses implements AutoCloseable {

    final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final Path directory;
    final String sleepName = "ctksleep" + id;
    final Path sleep;
    final String mainClass = "ctkdummy.Sleeper" + id;
    final String jarName = "ctkdummy-" + id + ".jar";
    private final List<ProcessHandle> started = new CopyOnWriteArrayList<>();
    private Path jar;

    DummyProcesses() {
        try {
            directory = Files.createTempDirectory("ctk-host-test");
            sleep = directory.resolve(sleepName);
            Files.copy(Path.of("/bin/sleep"), sleep, StandardCopyOption.COPY_ATTRIBUTES);
            sleep.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code ctksleep<id> 300}. */
    Process startSleep() {
        return start(List.of(sleep.toString(), "300"));
    }

    /** Starts {@code ctksleep<id>} under a shell that makes it ignore SIGTERM. */
    Process startSleepIgnoringTerm() {
        return start(List.of("/bin/sh", "-c", "trap '' TERM; exec '" + sleep + "' 300"));
    }

    /** Starts {@code java -jar ctkdummy-<id>.jar}. */
    Process startJar() {
        return start(List.of(StartJvmProcessByPath.javaLauncher().toString(), "-jar", jar().toString()));
    }

    /** Starts {@code java -cp ctkdummy-<id>.jar ctkdummy.Sleeper<id>}. */
    Process startMainClass() {
        return start(List.of(StartJvmProcessByPath.javaLauncher().toString(), "-Xmx32m", "-cp", jar().toString(), mainClass));
    }

    Process start(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.add(process.toHandle());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers a process the code under test started for the tests, so that it is ended too. */
    void adopt(long pid) {
        ProcessHandle.of(pid).ifPresent(started::add);
    }

    synchronized Path jar() {
        if (jar == null) {
            jar = buildJar();
        }
        return jar;
    }

    /** An executable script that execs the sleep copy. */
    Path sleepScript() throws IOException {
        Path script = directory.resolve("start-" + sleepName + ".sh");
        Files.writeString(script, "#!/bin/sh\nexec '" + sleep + "' 300\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private Path buildJar() {
        try {
            Path sources = Files.createDirectories(directory.resolve("src/ctkdummy"));
            String simpleName = mainClass.substring(mainClass.indexOf('.') + 1);
            Path source = sources.resolve(simpleName + ".java");
            Files.writeString(source, "package ctkdummy; public class " + simpleName
                    + " { public static void main(String[] a) throws Exception { Thread.sleep(300_000); } }");
            Path classes = Files.createDirectories(directory.resolve("classes"));
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
            if (status != 0) {
                throw new IllegalStateException("javac failed");
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
            Path target = directory.resolve(jarName);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                out.putNextEntry(new JarEntry("ctkdummy/" + simpleName + ".class"));
                Files.copy(classes.resolve("ctkdummy/" + simpleName + ".class"), out);
                out.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        started.forEach(ProcessHandle::destroyForcibly);
        started.forEach(handle -> handle.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> handle).join());
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
