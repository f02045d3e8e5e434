package io.github.dqualizer.ctk.providers.chaosspring;

import static io.github.dqualizer.ctk.providers.FunctionParameter.optional;
import static io.github.dqualizer.ctk.providers.FunctionParameter.required;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every chaosspring function shares: its module and name, chaosspring's parameter list
 * {@code (base_url, <own...>, headers=None, timeout=None, verify_ssl=True, configuration=None, secrets=None)}
 * and the calls to the actuator.
 */
abstract class ChaosSpringFunction implements PythonFunction {

    static final String MODULE_ACTIONS = "chaosspring.actions";
    static final String MODULE_PROBES = "chaosspring.probes";

    final ChaosMonkeyClient client;
    private final String module;
    private final String func;
    private final List<FunctionParameter> parameters;

    ChaosSpringFunction(ChaosMonkeyClient client, String module, String func, String... requiredAfterBaseUrl) {
        this.client = client;
        this.module = module;
        this.func = func;
        List<FunctionParameter> all = new ArrayList<>();
        all.add(required("base_url"));
        for (String name : requiredAfterBaseUrl) {
            all.add(required(name));
        }
        for (String name : List.of("headers", "timeout", "verify_ssl", "configuration", "secrets")) {
            all.add(optional(name));
        }
        this.parameters = List.copyOf(all);
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public String func() {
        return func;
    }

    @Override
    public List<FunctionParameter> parameters() {
        return parameters;
    }

    /**
     * POSTs the object argument {@code name} as JSON to {@code path}; returns the answer text. Values go as
     * given: CMSB itself accepts "true", "True" and "TRUE" for booleans.
     */
    Object postSettings(Map<String, Object> arguments, String name, String path, String failure)
            throws InterruptedException {
        Object settings = arguments.get(name);
        if (settings != null && !(settings instanceof Map)) {
            throw new ActivityFailedException(failure + ": " + name + " must be a JSON object, got: " + settings);
        }
        // like chaosspring, an empty object is sent as no body at all, which CMSB answers with 400
        Object body = settings == null || ((Map<?, ?>) settings).isEmpty() ? null : settings;
        return client.requireOk(client.post(ChaosMonkeyEndpoint.from(arguments), path, body, failure), failure);
    }

    /** POSTs nothing to {@code path}; returns the answer text. */
    Object post(Map<String, Object> arguments, String path, String failure) throws InterruptedException {
        return client.requireOk(client.post(ChaosMonkeyEndpoint.from(arguments), path, null, failure), failure);
    }

    /** The parsed JSON of a 200 answer to {@code GET path}. */
    Object getJson(Map<String, Object> arguments, String path, String failure) throws InterruptedException {
        return json(client.get(ChaosMonkeyEndpoint.from(arguments), path, failure), failure);
    }

    Object json(HttpResponse<String> response, String failure) {
        client.requireOk(response, failure);
        return client.parseJson(response, failure);
    }
}
