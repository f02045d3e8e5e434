package io.github.dqualizer.ctk.api.fuzz;

import io.github.dqualizer.ctk.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates hostile {@code POST /execute_experiment} requests from a seed, so a failure is reproducible:
 * malformed and truncated JSON, wrong types in every field, huge and deep documents, odd headers, content
 * types and encodings, YAML aliases and tags. Accepted requests only ever run {@code true} or {@code echo}.
 */
final class RequestFuzzer {

    /** One generated request; {@code headers} may repeat a name. */
    record Case(String kind, String method, String query, List<String[]> headers, byte[] body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Valid experiments the mutations start from; each runs only {@code true}/{@code echo}. */
    private static final List<String> SEEDS = List.of("""
            {"title": "fuzz seed", "description": "one true action", "tags": ["fuzz"],
             "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
            """, """
            {"version": "1.0.0", "title": "fuzz steady", "description": "hypothesis, method, rollbacks",
             "configuration": {"greeting": "hello", "from_env": {"type": "env", "key": "FUZZ_UNSET_VARIABLE", "default": "x"}},
             "secrets": {"vault": {"token": "fuzz-token"}},
             "extensions": [{"name": "dqualizer", "id": 7}],
             "steady-state-hypothesis": {"title": "echo works",
               "probes": [{"type": "probe", "name": "echo", "tolerance": 0,
                           "provider": {"type": "process", "path": "echo", "arguments": ["${greeting}"], "timeout": 5}}]},
             "method": [{"type": "action", "name": "noop", "pauses": {"before": 0, "after": 0},
                         "provider": {"type": "process", "path": "true", "arguments": []}},
                        {"ref": "echo"}],
             "rollbacks": [{"type": "action", "name": "undo", "provider": {"type": "process", "path": "true"}}]}
            """, """
            {"title": "fuzz tolerance", "description": "a probe with a range tolerance",
             "method": [{"type": "probe", "name": "status", "tolerance": {"type": "range", "range": [0, 1], "target": "status"},
                         "provider": {"type": "process", "path": "true"}}]}
            """);

    /** Well-formed but invalid (no description): most header, content-type and encoding cases use it, so few runs start. */
    private static final String INVALID = """
            {"title": "fuzz invalid", "method": [{"type": "action", "name": "noop", "provider": {"type": "process", "path": "true"}}]}
            """;

    /**
     * Accepted runs skip their activities: the fuzzer is about the endpoint, and thousands of process
     * starts on two cores would drown it (the burst test runs real activities).
     */
    static final String DEFAULT_QUERY = "?dry=activities";

    private static final List<Supplier<Object>> WRONG_VALUES = List.of(
            () -> null, () -> 0, () -> -1, () -> 1.5e308, () -> Long.MAX_VALUE, () -> true, () -> false,
            () -> "", () -> "x", () -> "${missing}", () -> List.of(), () -> Map.of(), () -> List.of(List.of()),
            () -> Map.of("type", "python"), () -> "\u0000\ud7ff\u202e", () -> "true; echo injected",
            () -> List.of(1, "a", Map.of()), () -> "%s".repeat(50));

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=utf-16", "application/json; charset=no-such-charset", "APPLICATION/JSON",
            "application/yaml", "application/x-yaml", "text/yaml", "application/vnd.ctk+json", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "*/*",
            "application/", "/json", ";;;", "application/json;;charset", "application/json; charset=\"", "json",
            "application/json, application/yaml", "\u00e4pplication/json", " ", "application/octet-stream");

    private final Random random;
    private final List<Map<String, Object>> seeds;

    RequestFuzzer(long seed) {
        this.random = new Random(seed);
        this.seeds = SEEDS.stream().map(RequestFuzzer::parse).toList();
    }

    /** {@code count} cases: a fixed list of special ones, then random ones of every kind. */
    List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>(special());
        cases.addAll(wrongTypeInEveryField());
        while (cases.size() < count) {
            cases.add(randomCase());
        }
        return cases.subList(0, count);
    }

    private Case randomCase() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> mutatedBytes();
            case 2 -> truncated();
            case 3, 4 -> randomWrongType();
            case 5 -> oddHeaders();
            case 6 -> oddContentType();
            case 7 -> badEncoding();
            case 8 -> deep();
            default -> yaml();
        };
    }

    // --- bodies ---------------------------------------------------------------------------------

    private Case mutatedBytes() {
        byte[] body = seedBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < body.length; i++) {
            if (edits > 0 && random.nextInt(body.length / edits + 1) == 0) {
                edits--;
                switch (random.nextInt(4)) {
                    case 0 -> out.write(random.nextInt(256)); // replace
                    case 1 -> { } // delete
                    case 2 -> { out.write("{}[],:\"\\".charAt(random.nextInt(8))); out.write(body[i]); }
                    default -> out.write(body[i] ^ (1 << random.nextInt(8)));
                }
            } else {
                out.write(body[i]);
            }
        }
        return json("mutated-bytes", out.toByteArray());
    }

    private Case truncated() {
        byte[] body = seedBytes();
        int length = random.nextInt(body.length);
        byte[] cut = new byte[length];
        System.arraycopy(body, 0, cut, 0, length);
        return json("truncated", cut);
    }

    private Case randomWrongType() {
        Map<String, Object> experiment = parse(SEEDS.get(random.nextInt(SEEDS.size())));
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(experiment, new ArrayList<>(), paths);
        int replacements = 1 + random.nextInt(3);
        for (int i = 0; i < replacements; i++) {
            replace(experiment, paths.get(random.nextInt(paths.size())), WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())).get());
        }
        return json("wrong-type", JSON.writeValueAsBytes(experiment));
    }

    /** Every field of every seed gets every wrong value once. */
    private List<Case> wrongTypeInEveryField() {
        List<Case> cases = new ArrayList<>();
        for (String seed : SEEDS) {
            List<List<Object>> paths = new ArrayList<>();
            collectPaths(parse(seed), new ArrayList<>(), paths);
            for (List<Object> path : paths) {
                for (Supplier<Object> value : WRONG_VALUES) {
                    Map<String, Object> experiment = parse(seed);
                    replace(experiment, path, value.get());
                    cases.add(json("every-field", JSON.writeValueAsBytes(experiment)));
                }
            }
        }
        return cases;
    }

    private Case deep() {
        int depth = switch (random.nextInt(4)) {
            case 0 -> 100_000;
            case 1 -> 199 + random.nextInt(4);
            case 2 -> 5_000;
            default -> 1 + random.nextInt(1_000);
        };
        String open;
        String close;
        switch (random.nextInt(3)) {
            case 0 -> { open = "["; close = "]"; }
            case 1 -> { open = "{\"a\":"; close = "}"; }
            default -> { open = "[{\"b\":"; close = "}]"; }
        }
        boolean inExperiment = random.nextBoolean();
        StringBuilder body = new StringBuilder(inExperiment
                ? "{\"title\":\"deep\",\"description\":\"d\",\"method\":[],\"configuration\":{\"x\":" : "{\"x\":");
        body.append(open.repeat(depth)).append("1").append(close.repeat(random.nextInt(5) == 0 ? depth / 2 : depth));
        body.append(inExperiment ? "}}" : "}");
        boolean yaml = random.nextInt(3) == 0; // JSON is valid flow-style YAML
        return new Case("deep-" + depth, "POST", DEFAULT_QUERY, authorized(yaml ? "application/yaml" : "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Case yaml() {
        String body = switch (random.nextInt(9)) {
            case 0 -> billionLaughs(3 + random.nextInt(7));
            case 1 -> "title: &t alias\ndescription: *t\nmethod: []\n";
            case 2 -> "title: t\ndescription: *undefined\nmethod: []\n";
            case 3 -> "title: t\ndescription: d\nmethod: &m [*m]\n";
            case 4 -> "base: &b {type: action, name: n}\ntitle: t\ndescription: d\nmethod: [{<<: *b, provider: {type: process, path: 'true'}}]\n";
            case 5 -> "title: !!python/object:os.system [ls]\ndescription: d\nmethod: []\n";
            case 6 -> "title: t\ndescription: !!binary aGVsbG8=\nmethod: !!set {a, b}\n";
            case 7 -> "title: t\ndescription: d\nmethod: []\n---\ntitle: second\n";
            default -> "- " + "- ".repeat(random.nextInt(3_000)) + "x\n";
        };
        return new Case("yaml", "POST", DEFAULT_QUERY, authorized(CONTENT_TYPES.get(5 + random.nextInt(3))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String billionLaughs(int levels) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= levels; i++) {
            String previous = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.append("title: *a").append(levels).append("\ndescription: d\nmethod: []\n").toString();
    }

    private Case badEncoding() {
        byte[] seed = seedBytes();
        byte[] body = switch (random.nextInt(6)) {
            case 0 -> insert(seed, new byte[]{(byte) 0xC0, (byte) 0x80}); // overlong NUL
            case 1 -> insert(seed, new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xFD});
            case 2 -> insert(seed, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // encoded surrogate
            case 3 -> new String(seed, StandardCharsets.UTF_8).getBytes(Charset.forName(random.nextBoolean() ? "UTF-16" : "UTF-32"));
            case 4 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed); // BOM
            default -> insert(seed, new byte[]{(byte) (0x80 + random.nextInt(64))}); // lone continuation byte
        };
        return new Case("encoding", "POST", DEFAULT_QUERY, authorized(random.nextBoolean() ? "application/json" : "application/yaml"), body);
    }

    // --- headers, content types, queries -----------------------------------------------------------

    private Case oddHeaders() {
        List<String[]> headers = new ArrayList<>(authorized("application/json"));
        switch (random.nextInt(8)) {
            case 0 -> headers.remove(random.nextInt(4)); // one credential missing
            case 1 -> headers.add(0, new String[]{headers.get(random.nextInt(4))[0], "duplicate-" + random.nextInt(100)});
            case 2 -> headers.set(random.nextInt(4), new String[]{headers.get(0)[0], ""}); // empty value
            case 3 -> headers.set(3, new String[]{"password", "x".repeat(1 + random.nextInt(4_000))});
            case 4 -> headers.set(2, new String[]{"username", "fuzz\u00e9\u00ff" + random.nextInt(1_000_000)});
            case 5 -> headers.replaceAll(h -> h[0].equals("Content-Type") ? h : new String[]{h[0].toUpperCase(), h[1]});
            case 6 -> headers.set(2, new String[]{"username", "' OR '1'='1"}); // SQL in the user name
            default -> headers.subList(0, 4).clear(); // no credentials at all
        }
        return new Case("headers", "POST", DEFAULT_QUERY, headers, seedBytes());
    }

    private Case oddContentType() {
        List<String[]> headers = authorized(CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
        if (random.nextInt(5) == 0) {
            headers.removeIf(h -> h[0].equals("Content-Type"));
        }
        String query = switch (random.nextInt(8)) {
            case 0 -> "?wait=maybe";
            case 1 -> "?timeout=-1";
            case 2 -> "?timeout=abc";
            case 3 -> "?timeout=99999999999999999999";
            case 4 -> "?dry=sideways";
            case 5 -> "?dry=" + "%00%ff";
            default -> DEFAULT_QUERY;
        };
        return new Case("content-type", "POST", query, headers, seedBytes());
    }

    /** Cases written out once: limits, empty bodies and other methods. */
    private List<Case> special() {
        List<Case> cases = new ArrayList<>();
        cases.add(json("empty", new byte[0]));
        cases.add(json("whitespace", "  \n\t ".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("top-level-array", "[1,2,3]".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("top-level-string", "\"experiment\"".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("null", "null".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("trailing", (SEEDS.get(0) + "{}").getBytes(StandardCharsets.UTF_8)));
        cases.add(json("too-large", ("{\"title\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        cases.add(json("long-number", ("{\"title\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)));
        cases.add(json("huge-exponent", "{\"title\":1e999999999}".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("nan", "{\"title\":NaN,\"description\":Infinity,\"method\":[]}".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> longTitle = parse(SEEDS.get(0));
        longTitle.put("title", "t".repeat(100_000));
        cases.add(json("long-title", JSON.writeValueAsBytes(longTitle)));
        Map<String, Object> manyTags = parse(SEEDS.get(0));
        manyTags.put("tags", java.util.Collections.nCopies(100_000, "t"));
        cases.add(json("many-tags", JSON.writeValueAsBytes(manyTags)));
        Map<String, Object> manyKeys = parse(SEEDS.get(0));
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < 40_000; i++) {
            keys.put("k" + i, i);
        }
        manyKeys.put("configuration", keys);
        cases.add(json("many-keys", JSON.writeValueAsBytes(manyKeys)));
        cases.add(json("duplicate-keys", "{\"title\":\"a\",\"title\":{},\"description\":\"d\",\"method\":[]}"
                .getBytes(StandardCharsets.UTF_8)));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            cases.add(new Case("method-" + method, method, DEFAULT_QUERY, authorized("application/json"),
                    method.equals("GET") || method.equals("DELETE") ? new byte[0] : seedBytes()));
        }
        return cases;
    }

    // --- helpers -------------------------------------------------------------------------------------

    static List<String[]> authorized(String contentType) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[]{"dbUsername", TestUsers.DB_USER});
        headers.add(new String[]{"dbPassword", TestUsers.DB_PASSWORD});
        headers.add(new String[]{"username", TestUsers.DEMO_USER});
        headers.add(new String[]{"password", TestUsers.DEMO_PASSWORD});
        headers.add(new String[]{"Content-Type", contentType});
        return headers;
    }

    private Case json(String kind, byte[] body) {
        return new Case(kind, "POST", DEFAULT_QUERY, authorized("application/json"), body);
    }

    /** Mostly the invalid seed; a valid one in one case of eight, so such requests are also accepted. */
    private byte[] seedBytes() {
        String seed = random.nextInt(8) == 0 ? SEEDS.get(random.nextInt(SEEDS.size())) : INVALID;
        return seed.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insert(byte[] body, byte[] bytes) {
        int at = random.nextInt(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bytes);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    /** Every path to a value (map keys and list indexes), parents before children. */
    private static void collectPaths(Object node, List<Object> path, List<List<Object>> into) {
        if (!path.isEmpty()) {
            into.add(List.copyOf(path));
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                path.add(k);
                collectPaths(v, path, into);
                path.remove(path.size() - 1);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                collectPaths(list.get(i), path, into);
                path.remove(path.size() - 1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void replace(Map<String, Object> root, List<Object> path, Object value) {
        if (path.contains("pauses") && value instanceof Number n && Math.abs(n.doubleValue()) > 1) {
            value = 0; // pauses are honoured as written: a pause of 1e308 s would hold a worker for good
        }
        value = value == null ? null : JSON.readValue(JSON.writeValueAsBytes(value), Object.class); // mutable copy
        Object node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            node = node instanceof Map<?, ?> m ? m.get(step) : node instanceof List<?> l && step instanceof Integer n
                    && n < l.size() ? l.get(n) : null;
            if (node == null) {
                return; // an earlier replacement removed this branch
            }
        }
        Object last = path.get(path.size() - 1);
        if (node instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(last, value);
        } else if (node instanceof List<?> list && last instanceof Integer n && n < list.size()) {
            ((List<Object>) list).set(n, value);
        }
    }
}
