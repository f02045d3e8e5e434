package io.github.dqualizer.ctk.schedules;

/** A schedule request that cannot be honoured; the message is safe to show. */
public class ScheduleException extends RuntimeException {

    /** What the HTTP layer makes of it. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;

    private ScheduleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static ScheduleException invalid(String message) {
        return new ScheduleException(Kind.INVALID, message);
    }

    static ScheduleException notFound(String id) {
        return new ScheduleException(Kind.NOT_FOUND, "No schedule " + id + " of yours exists.");
    }

    static ScheduleException conflict(String message) {
        return new ScheduleException(Kind.CONFLICT, message);
    }
}
