package io.github.dqualizer.ctk.providers.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls of the native process start (Linux, glibc 2.34+ for
 * {@code posix_spawn_file_actions_addclosefrom_np}, 2.36+ for {@code pidfd_open}). Loading this class fails when one
 * is missing, and then the JDK's start is used. Calls that report through {@code errno} take a segment of
 * {@link #ERRNO_STATE} first.
 */
final class Libc {

    static final int O_CLOEXEC = 02000000;
    static final int WNOHANG = 1;
    static final short POLLIN = 1;
    static final int EINTR = 4;
    static final int ECHILD = 10;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    /** The same on x86-64 and AArch64, the only architectures {@link #check()} accepts. */
    static final long FIONREAD = 0x541B;
    /** glibc's posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336 and sigset_t 128 on 64-bit Linux; room to spare. */
    static final long FILE_ACTIONS_SIZE = 256;
    static final long SPAWNATTR_SIZE = 512;
    static final long SIGSET_SIZE = 256;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;

    static final StructLayout ERRNO_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = ERRNO_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    static final MethodHandle POSIX_SPAWN = handle("posix_spawn", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle FILE_ACTIONS_INIT = handle("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle FILE_ACTIONS_DESTROY = handle("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle FILE_ACTIONS_ADDDUP2 = handle("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle FILE_ACTIONS_ADDCLOSEFROM = handle("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle SPAWNATTR_INIT = handle("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle SPAWNATTR_SETFLAGS = handle("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    static final MethodHandle SPAWNATTR_SETSIGMASK = handle("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle SIGEMPTYSET = handle("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle PIPE2 = handle("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle READ = handle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    static final MethodHandle IOCTL = handle("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    static final MethodHandle PPOLL = handle("ppoll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), CAPTURE_ERRNO);
    static final MethodHandle WAITPID = handle("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    static final MethodHandle PIDFD_OPEN = handle("pidfd_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    static final MethodHandle KILL = handle("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    static final MethodHandle MALLOC = handle("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    static final MethodHandle FREE = handle("free", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(1024, java.lang.foreign.ValueLayout.JAVA_BYTE)), JAVA_INT));

    private Libc() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library")),
                descriptor, options);
    }

    /** Fails unless this is Linux on an architecture whose constants above are right, with a kernel that has pidfd_open. */
    static void check() {
        String arch = System.getProperty("os.arch");
        if (!"Linux".equals(System.getProperty("os.name")) || !("amd64".equals(arch) || "aarch64".equals(arch))) {
            throw new UnsupportedOperationException("not Linux on amd64 or aarch64");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(ERRNO_STATE);
            int pidfd = (int) PIDFD_OPEN.invokeExact(state, (int) ProcessHandle.current().pid(), 0);
            if (pidfd < 0) {
                throw new UnsupportedOperationException("pidfd_open: " + strerror(errno(state)));
            }
            close(pidfd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Spawn attributes for every child: an empty signal mask. The JDK's child unblocks every signal before its exec
     * (a JVM thread blocks SIGQUIT, for one); posix_spawn would keep the calling thread's mask. Only read by
     * posix_spawn, so one for all threads, never destroyed.
     */
    static MemorySegment emptySignalMaskAttributes() {
        try {
            MemorySegment attributes = Arena.global().allocate(SPAWNATTR_SIZE, 8);
            MemorySegment mask = Arena.global().allocate(SIGSET_SIZE, 8);
            if ((int) SPAWNATTR_INIT.invokeExact(attributes) != 0 || (int) SIGEMPTYSET.invokeExact(mask) != 0
                    || (int) SPAWNATTR_SETSIGMASK.invokeExact(attributes, mask) != 0
                    || (int) SPAWNATTR_SETFLAGS.invokeExact(attributes, POSIX_SPAWN_SETSIGMASK) != 0) {
                throw new IllegalStateException("posix_spawnattr_* failed");
            }
            return attributes;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static String strerror(int errno) {
        try {
            return ((MemorySegment) STRERROR.invokeExact(errno)).getString(0);
        } catch (Throwable e) {
            return "Unknown error " + errno;
        }
    }

    /**
     * Native memory freed explicitly with {@link #free}: an automatic arena would hold it until a garbage collection,
     * and a service with a large, quiet heap may start thousands of processes in between.
     */
    static MemorySegment malloc(long size) {
        try {
            MemorySegment memory = (MemorySegment) MALLOC.invokeExact(size);
            if (memory.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("malloc(" + size + ")");
            }
            return memory.reinterpret(size);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static void free(MemorySegment memory) {
        try {
            FREE.invokeExact(memory);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A downcall cannot throw a checked exception; this keeps the call sites free of catch blocks. */
    static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
