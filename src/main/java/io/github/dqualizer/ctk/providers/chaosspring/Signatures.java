package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.FunctionParameter;

import java.util.ArrayList;
import java.util.List;

import static io.github.dqualizer.ctk.providers.FunctionParameter.optional;
import static io.github.dqualizer.ctk.providers.FunctionParameter.required;

/** chaosspring's parameter lists: {@code base_url}, then the function's own, then the shared optional ones. */
final class Signatures {

    static final String MODULE_ACTIONS = "chaosspring.actions";
    static final String MODULE_PROBES = "chaosspring.probes";

    private Signatures() {
    }

    /** {@code (base_url, <required...>, headers=None, timeout=None, verify_ssl=True, configuration=None,
     * secrets=None)} */
    static List<FunctionParameter> of(String... requiredAfterBaseUrl) {
        List<FunctionParameter> parameters = new ArrayList<>();
        parameters.add(required("base_url"));
        for (String name : requiredAfterBaseUrl) {
            parameters.add(required(name));
        }
        for (String name : List.of("headers", "timeout", "verify_ssl", "configuration", "secrets")) {
            parameters.add(optional(name));
        }
        return List.copyOf(parameters);
    }
}
