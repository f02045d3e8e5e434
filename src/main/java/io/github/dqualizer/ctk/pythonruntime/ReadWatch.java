package io.github.dqualizer.ctk.pythonruntime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Callers read a worker's stdout on their own thread, and a read from a pipe does not end when the thread is
 * interrupted (a cancel, stop-all, shutdown or crash recovery). One daemon thread looks at the live workers ten
 * times a second and kills the worker of a reader that was interrupted or whose deadline has passed; the read then
 * ends and the caller sees why. It runs only while some worker is alive (no wake-ups on an idle service), and
 * readers only write two volatile fields, so a call costs no thread hand-off.
 */
final class ReadWatch {

    private static final long PERIOD_NANOS = 100_000_000L;
    private static final Set<PythonWorker> WORKERS = ConcurrentHashMap.newKeySet();
    private static Thread watcher; // guarded by ReadWatch.class

    private ReadWatch() {
    }

    static void watch(PythonWorker worker) {
        WORKERS.add(worker);
        synchronized (ReadWatch.class) {
            if (watcher == null) {
                watcher = new Thread(ReadWatch::run, "python-worker-read-watch");
                watcher.setDaemon(true);
                watcher.start();
            } else {
                LockSupport.unpark(watcher);
            }
        }
    }

    static void forget(PythonWorker worker) {
        WORKERS.remove(worker);
    }

    private static void run() {
        while (true) {
            if (WORKERS.isEmpty()) {
                LockSupport.park(ReadWatch.class); // until watch() adds a worker
                continue;
            }
            LockSupport.parkNanos(ReadWatch.class, PERIOD_NANOS);
            long now = System.nanoTime();
            for (PythonWorker worker : WORKERS) {
                Thread reader = worker.reader;
                long deadline = worker.readDeadline;
                if (reader != null && (reader.isInterrupted() || (deadline != 0 && now - deadline >= 0))) {
                    worker.destroy(); // the read ends; the reader kills the children and waits for the exit
                }
            }
        }
    }
}
