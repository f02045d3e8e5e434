package io.github.dqualizer.ctk.jobs.jobrunr;

import com.sun.net.httpserver.HttpHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.stereotype.Component;

/**
 * JobRunr's dashboard handlers (internals of JobRunr OSS, {@code org.jobrunr.dashboard}) for the server this service
 * binds itself (ADR 0003): the redirect, the static UI, the API with Requeue changed ({@link RequeueStartsNewRunApiHandler})
 * and the server-sent events. The server sees only JDK {@link HttpHandler}s.
 */
@Component
public class JobRunrDashboard {

    private final StorageProvider storage;
    private final JsonMapper json;
    private final RequeueAction requeue;

    public JobRunrDashboard(StorageProvider storage, JsonMapper jobRunrJsonMapper, RequeueAction requeue) {
        this.storage = storage;
        this.json = jobRunrJsonMapper;
        this.requeue = requeue;
    }

    /** A fresh set of handlers over the shared tables for one server start; close them when it stops. */
    public Handlers handlers() {
        return handlers(storage);
    }

    /** As {@link #handlers()}, over another table set (a host's, docs/adr/0008-fleet-routing.md). */
    public Handlers handlers(StorageProvider storage) {
        return new Handlers(List.of(
                new RedirectHttpHandler("/", "/dashboard"),
                new JobRunrStaticFileHandler(),
                new RequeueStartsNewRunApiHandler(storage, json, requeue),
                new JobRunrSseHandler(storage, json)));
    }

    /** The handlers of one server start, by the context path each serves. */
    public static final class Handlers implements AutoCloseable {

        private final List<HttpExchangeHandler> handlers;

        private Handlers(List<HttpExchangeHandler> handlers) {
            this.handlers = handlers;
        }

        /** In registration order; "/" also answers every unknown path. */
        public Map<String, HttpHandler> byContextPath() {
            Map<String, HttpHandler> routes = new LinkedHashMap<>();
            handlers.forEach(handler -> routes.put(handler.getContextPath(), handler));
            return routes;
        }

        @Override
        public void close() {
            handlers.forEach(HttpExchangeHandler::close);
        }
    }
}
