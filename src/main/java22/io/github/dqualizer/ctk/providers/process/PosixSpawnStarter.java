package io.github.dqualizer.ctk.providers.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a child with {@code posix_spawn} through the foreign-function API (JDK 22+), for the one configuration
 * process activities use: an absolute or relative program path (no PATH search), stdout and stderr piped, stdin
 * inherited, the service's working directory. The child gets its descriptors 0-2 only, in one
 * {@code close_range} ({@code addclosefrom_np(3)}) instead of the JDK's close per inherited descriptor, and an
 * empty signal mask as under the JDK (signal dispositions: the JVM's handlers end with the exec). Any other configuration, and
 * any failure before a child exists (such as a program that cannot be executed), goes to
 * {@link ProcessBuilder#start()}, which then starts it or throws the JDK's own exception.
 */
final class PosixSpawnStarter implements ProcessStarter {

    /** The JDK encodes command and environment in this charset (java.lang.ProcessImpl, ProcessEnvironment). */
    private static final Charset JNU = jnuCharset();
    private static final Cleaner CLEANER = Cleaner.create();
    private final MemorySegment attributes;

    PosixSpawnStarter() {
        Libc.check();
        attributes = Libc.emptySignalMaskAttributes();
    }

    @Override
    public Process start(ProcessBuilder builder) throws IOException {
        List<String> command = builder.command();
        if (!spawnable(builder, command)) {
            return builder.start();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.ERRNO_STATE);
            MemorySegment pipes = arena.allocate(JAVA_INT, 4); // stdout read, write; stderr read, write
            if ((int) Libc.PIPE2.invokeExact(state, pipes, Libc.O_CLOEXEC) < 0) {
                return builder.start();
            }
            if ((int) Libc.PIPE2.invokeExact(state, pipes.asSlice(8), Libc.O_CLOEXEC) < 0) {
                closeAll(pipes, 2);
                return builder.start();
            }
            int pid = spawn(arena, command, builder.environment(), pipes);
            Libc.close(pipes.getAtIndex(JAVA_INT, 1));
            Libc.close(pipes.getAtIndex(JAVA_INT, 3));
            if (pid < 0) {
                Libc.close(pipes.getAtIndex(JAVA_INT, 0));
                Libc.close(pipes.getAtIndex(JAVA_INT, 2));
                return builder.start(); // the JDK's exception for the same failure (or its start, if it can)
            }
            int pidfd = (int) Libc.PIDFD_OPEN.invokeExact(state, pid, 0);
            if (pidfd < 0) {
                int errno = Libc.errno(state);
                abandon(pid, pipes);
                throw new IOException("Cannot run program \"" + command.get(0) + "\": error=" + errno + ", " + Libc.strerror(errno));
            }
            return new SpawnedProcess(pid, pidfd, pipes.getAtIndex(JAVA_INT, 0), pipes.getAtIndex(JAVA_INT, 2), CLEANER);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw Libc.rethrow(e);
        }
    }

    /** The pid, or -1 when posix_spawn failed (exec failures included: glibc reports them). */
    private int spawn(Arena arena, List<String> command, Map<String, String> environment, MemorySegment pipes)
            throws Throwable {
        List<byte[]> argv = new ArrayList<>(command.size());
        for (String argument : command) {
            argv.add(argument.getBytes(JNU));
        }
        List<byte[]> envp = new ArrayList<>(environment.size());
        environment.forEach((name, value) -> envp.add((name + "=" + value).getBytes(JNU)));
        MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 8);
        if ((int) Libc.FILE_ACTIONS_INIT.invokeExact(actions) != 0) {
            return -1;
        }
        try {
            if ((int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(actions, pipes.getAtIndex(JAVA_INT, 1), 1) != 0
                    || (int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(actions, pipes.getAtIndex(JAVA_INT, 3), 2) != 0
                    || (int) Libc.FILE_ACTIONS_ADDCLOSEFROM.invokeExact(actions, 3) != 0) {
                return -1;
            }
            MemorySegment pid = arena.allocate(JAVA_INT);
            MemorySegment argvArray = strings(arena, argv);
            int rc = (int) Libc.POSIX_SPAWN.invokeExact(pid, argvArray.getAtIndex(ADDRESS, 0), actions,
                    attributes, argvArray, strings(arena, envp));
            return rc == 0 ? pid.get(JAVA_INT, 0) : -1;
        } finally {
            int ignored = (int) Libc.FILE_ACTIONS_DESTROY.invokeExact(actions);
        }
    }

    /** A NULL-terminated array of C strings, all in one block. */
    private static MemorySegment strings(Arena arena, List<byte[]> values) {
        long size = 0;
        for (byte[] value : values) {
            size += value.length + 1;
        }
        MemorySegment block = arena.allocate(Math.max(size, 1));
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1);
        long offset = 0;
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            MemorySegment.copy(value, 0, block, JAVA_BYTE, offset, value.length);
            block.set(JAVA_BYTE, offset + value.length, (byte) 0);
            array.setAtIndex(ADDRESS, i, block.asSlice(offset));
            offset += value.length + 1;
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private static boolean spawnable(ProcessBuilder builder, List<String> command) {
        if (command.isEmpty() || builder.directory() != null || builder.redirectErrorStream()
                || builder.redirectInput() != ProcessBuilder.Redirect.INHERIT
                || builder.redirectOutput() != ProcessBuilder.Redirect.PIPE
                || builder.redirectError() != ProcessBuilder.Redirect.PIPE) {
            return false;
        }
        for (String argument : command) {
            if (argument == null || argument.indexOf('\0') >= 0) {
                return false; // the JDK's exception
            }
        }
        return command.get(0).indexOf('/') >= 0; // a bare name: the JDK's PATH search
    }

    /** No pidfd for a started child (descriptors exhausted): it is killed and reaped rather than left unwatched. */
    private static void abandon(int pid, MemorySegment pipes) throws Throwable {
        int ignored = (int) Libc.KILL.invokeExact(pid, Libc.SIGKILL);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.ERRNO_STATE);
            MemorySegment status = arena.allocate(JAVA_INT);
            while ((int) Libc.WAITPID.invokeExact(state, pid, status, 0) < 0 && Libc.errno(state) == Libc.EINTR) {
                // retry
            }
        }
        Libc.close(pipes.getAtIndex(JAVA_INT, 0));
        Libc.close(pipes.getAtIndex(JAVA_INT, 2));
    }

    private static void closeAll(MemorySegment pipes, int count) {
        for (int i = 0; i < count; i++) {
            Libc.close(pipes.getAtIndex(JAVA_INT, i));
        }
    }

    private static Charset jnuCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
