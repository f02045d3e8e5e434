package io.github.dqualizer.ctk.notifications;

/** A callback URL that may not be used; the message says why and is safe to show. */
public class CallbackRejectedException extends RuntimeException {

    CallbackRejectedException(String message) {
        super(message);
    }
}
