package io.github.dqualizer.ctk.api.fuzz;

import io.github.dqualizer.ctk.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request mix of issue 12 as a repeatable scenario: {@code N} requests of eight kinds (valid, wrong database
 * password, no credential headers, {@code text/plain}, malformed JSON, invalid experiment, 1.2 MB, 300 kB with a
 * wrong password), in a seeded order, from 16 clients that each keep one HTTP/1.1 connection alive and send one
 * request after the other. A request is never resent: one without any answer within {@link #NO_ANSWER_AFTER} is
 * unanswered (a lost request: the connection stopped reading), one answered after more than {@link #SLOW_AFTER} is
 * counted as slow (the issue's "no answer within 15 s"; on a shared, overloaded machine also a cold start).
 */
final class KeepAliveRequestMix {

    static final long SEED = 20_261_212L;
    static final int CLIENTS = 16;
    static final Duration SLOW_AFTER = Duration.ofSeconds(15);
    static final Duration NO_ANSWER_AFTER = Duration.ofSeconds(30);

    /** One kind of request and the status it must get. */
    enum Kind {
        VALID(202), WRONG_DATABASE_PASSWORD(401), NO_HEADERS(401), TEXT_PLAIN(415), MALFORMED(400), INVALID(400),
        TOO_LARGE(413), LARGE_WRONG_PASSWORD(401);

        final int expected;

        Kind(int expected) {
            this.expected = expected;
        }
    }

    /** What one run of the mix saw. */
    record Result(int sent, Map<String, Integer> answersByKindAndStatus, List<String> unanswered, List<String> slow,
                  List<String> wrong, Duration took) {

        String summary() {
            return ("%d requests from %d keep-alive clients in %d ms: %d without any answer within %d s %s, %d answered "
                    + "after more than %d s %s; answers %s; wrong %s")
                    .formatted(sent, CLIENTS, took.toMillis(), unanswered.size(), NO_ANSWER_AFTER.toSeconds(), unanswered,
                            slow.size(), SLOW_AFTER.toSeconds(), slow, answersByKindAndStatus,
                            wrong.size() > 20 ? wrong.subList(0, 20) + "…" : wrong);
        }
    }

    private static final String VALID_EXPERIMENT = """
            {"title": "mix", "description": "one true action",
             "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
            """;
    private static final String INVALID_EXPERIMENT = """
            {"title": "mix invalid", "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
            """;

    private final URI endpoint;

    KeepAliveRequestMix(int port) {
        // dry=activities: the mix is about the endpoint; accepted runs store and queue but start no processes
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/execute_experiment?dry=activities");
    }

    /** The kinds in a seeded order, each the same number of times (rounded down to a multiple of eight). */
    static List<Kind> kinds(int total) {
        List<Kind> order = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            order.add(Kind.values()[i % Kind.values().length]);
        }
        Collections.shuffle(order, new Random(SEED));
        return order;
    }

    Result run(int total) throws Exception {
        List<Kind> order = kinds(total);
        byte[] tooLarge = padded(1_200_000);
        byte[] large = padded(300_000);
        ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < order.size(); i++) {
            next.add(i);
        }
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    // one client = one keep-alive connection, reused for every request it sends
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (Integer index = next.poll(); index != null; index = next.poll()) {
                        Kind kind = order.get(index);
                        String name = "#" + index + " " + kind;
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> answer = client.send(request(kind, tooLarge, large),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            long millis = (System.nanoTime() - sent) / 1_000_000;
                            if (millis > SLOW_AFTER.toMillis()) {
                                slow.add(name + " " + millis + " ms");
                            }
                            answers.computeIfAbsent(kind + " " + answer.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            String problem = answer.statusCode() != kind.expected
                                    ? "HTTP " + answer.statusCode() + " instead of " + kind.expected
                                    : kind == Kind.VALID ? null : Envelopes.problem(answer.statusCode(), answer.body());
                            if (problem != null) {
                                wrong.add(name + ": " + problem + " " + Envelopes.preview(answer.body()));
                            }
                        } catch (HttpTimeoutException e) {
                            if (unanswered.isEmpty()) {
                                dumpThreads(name);
                            }
                            unanswered.add(name);
                        } catch (java.io.IOException e) {
                            wrong.add(name + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((key, count) -> counts.put(key, count.get()));
        return new Result(order.size(), counts, List.copyOf(unanswered), List.copyOf(slow), List.copyOf(wrong),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private HttpRequest request(Kind kind, byte[] tooLarge, byte[] large) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(NO_ANSWER_AFTER);
        String contentType = kind == Kind.TEXT_PLAIN ? "text/plain" : "application/json";
        String dbPassword = kind == Kind.WRONG_DATABASE_PASSWORD ? "wrong-db-password" : TestUsers.DB_PASSWORD;
        String password = kind == Kind.LARGE_WRONG_PASSWORD ? "wrong-password" : TestUsers.DEMO_PASSWORD;
        if (kind != Kind.NO_HEADERS) {
            builder.header("dbUsername", TestUsers.DB_USER).header("dbPassword", dbPassword)
                    .header("username", TestUsers.DEMO_USER).header("password", password);
        }
        builder.header("Content-Type", contentType);
        byte[] body = switch (kind) {
            case MALFORMED -> "{\"title\": \"mix malformed\", \"method\": [".getBytes(StandardCharsets.UTF_8);
            case INVALID -> INVALID_EXPERIMENT.getBytes(StandardCharsets.UTF_8);
            case TOO_LARGE -> tooLarge;
            case LARGE_WRONG_PASSWORD -> large;
            default -> VALID_EXPERIMENT.getBytes(StandardCharsets.UTF_8);
        };
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The first time a request goes unanswered: what every thread of this JVM (client and service) is doing. */
    private static void dumpThreads(String request) {
        StringBuilder dump = new StringBuilder("no answer to " + request + "\n");
        for (java.lang.management.ThreadInfo thread : java.lang.management.ManagementFactory.getThreadMXBean()
                .dumpAllThreads(true, true)) {
            dump.append(thread.getThreadName()).append(' ').append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName()).append(" owned by ").append(thread.getLockOwnerName());
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "mix-unanswered-threads.txt"), dump);
        } catch (java.io.IOException ignored) {
            // diagnostics only
        }
    }

    /** A valid experiment whose description pads it to {@code bytes}. */
    private static byte[] padded(int bytes) {
        String head = "{\"title\": \"mix large\", \"description\": \"";
        String tail = "\", \"method\": [{\"type\": \"action\", \"name\": \"noop\", "
                + "\"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}";
        return (head + "x".repeat(bytes - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
