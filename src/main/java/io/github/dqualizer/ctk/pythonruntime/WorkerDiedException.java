package io.github.dqualizer.ctk.pythonruntime;

/** The worker process ended while a request was outstanding (killed, crashed, or exited from the called code). */
class WorkerDiedException extends Exception {

    public WorkerDiedException(String message) {
        super(message);
    }
}
