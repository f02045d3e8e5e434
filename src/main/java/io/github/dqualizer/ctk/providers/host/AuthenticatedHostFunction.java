package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.auth.CredentialVerifier;
import io.github.dqualizer.ctk.auth.Credentials;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host function of the prototype: takes {@code db_username, db_password, username, password}
 * first and checks them before it touches anything.
 */
abstract class AuthenticatedHostFunction implements PythonFunction {

    static final List<String> CREDENTIAL_PARAMETERS = List.of("db_username", "db_password", "username", "password");

    private final CredentialVerifier verifier;
    private final String module;
    private final String func;
    private final List<FunctionParameter> parameters;

    protected AuthenticatedHostFunction(CredentialVerifier verifier, String module, String func, FunctionParameter... own) {
        this.verifier = verifier;
        this.module = module;
        this.func = func;
        List<FunctionParameter> all = new ArrayList<>();
        CREDENTIAL_PARAMETERS.forEach(name -> all.add(FunctionParameter.required(name)));
        all.addAll(List.of(own));
        this.parameters = List.copyOf(all);
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final String func() {
        return func;
    }

    @Override
    public final List<FunctionParameter> parameters() {
        return parameters;
    }

    @Override
    public final Object invoke(Map<String, Object> arguments, RunContext context) throws Exception {
        HostArguments args = new HostArguments(arguments);
        Credentials credentials = new Credentials(args.string("db_username").orElse(null), args.string("db_password").orElse(null),
                args.string("username").orElse(null), args.string("password").orElse(null));
        if (!credentials.complete() || !verifier.verify(credentials)) {
            throw new ActivityFailedException("Authentication failed");
        }
        return call(args, context);
    }

    /** The function itself, called once the credentials are known to be valid. */
    protected abstract Object call(HostArguments arguments, RunContext context) throws Exception;
}
