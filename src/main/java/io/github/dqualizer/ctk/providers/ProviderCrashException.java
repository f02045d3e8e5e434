package io.github.dqualizer.ctk.providers;

import io.github.dqualizer.ctk.pyvalues.PythonError;

/**
 * A provider error chaoslib does not map to {@code ActivityFailed} (bad URL, executable missing with list
 * arguments, undecodable JSON body...): the method is aborted.
 */
public class ProviderCrashException extends PythonError {

    public ProviderCrashException(String pythonType, String message) {
        super(pythonType, message);
    }
}
