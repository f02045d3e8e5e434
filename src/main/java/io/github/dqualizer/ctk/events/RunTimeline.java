package io.github.dqualizer.ctk.events;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One run's events on this instance: a bounded replay sink, so every subscriber first gets what already
 * happened and then the live events, without a thread of its own. It always starts with {@code run-queued}.
 */
final class RunTimeline {

    private static final Logger log = LoggerFactory.getLogger(RunTimeline.class);

    private final Sinks.Many<RunEvent> sink;
    private final int limit;
    private long next = 1;
    private volatile boolean ended;

    RunTimeline(String runId, int limit) {
        this.limit = limit;
        this.sink = Sinks.many().replay().limit(limit);
        emit(RunEvent.RUN_QUEUED, EventData.run(runId));
    }

    /** Serialised: background activities and the continuous hypothesis report from their own threads. */
    synchronized void emit(String name, Map<String, Object> data) {
        if (ended) {
            return;
        }
        Sinks.EmitResult result = sink.tryEmitNext(new RunEvent(next++, name, data));
        if (result.isFailure()) {
            log.debug("Event {} was not recorded: {}", name, result);
        }
    }

    /** Emits {@code run-finished} and completes every subscriber; later calls do nothing. */
    synchronized boolean end(Map<String, Object> runFinished) {
        if (ended) {
            return false;
        }
        emit(RunEvent.RUN_FINISHED, runFinished);
        ended = true;
        sink.tryEmitComplete();
        return true;
    }

    Flux<RunEvent> events() {
        return sink.asFlux();
    }

    boolean ended() {
        return ended;
    }

    /** Ended and nothing dropped: a replay of it is the run's whole history. */
    synchronized boolean complete() {
        return ended && next - 1 <= limit;
    }
}
