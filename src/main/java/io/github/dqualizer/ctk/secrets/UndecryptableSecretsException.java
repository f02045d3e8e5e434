package io.github.dqualizer.ctk.secrets;

/**
 * Stored secrets that the configured keys do not decrypt for the given binding: encrypted for another run or
 * schedule, altered, or with a key no longer configured. The message names the binding and key id, never content.
 */
public class UndecryptableSecretsException extends IllegalStateException {

    UndecryptableSecretsException(String message) {
        super(message);
    }

    UndecryptableSecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
