package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: the seven chaosspring functions, called through the SPI as the engine calls them. */
final class ChaosSpring {

    private final ChaosMonkeyClient client = new ChaosMonkeyClient();

    final PythonFunction enable = new EnableChaosMonkey(client);
    final PythonFunction disable = new DisableChaosMonkey(client);
    final PythonFunction changeAssaults = new ChangeAssaultsConfiguration(client);
    final PythonFunction changeWatchers = new ChangeWatchersConfiguration(client);
    final PythonFunction enabled = new ChaosMonkeyEnabled(client);
    final PythonFunction assaults = new AssaultsConfiguration(client);
    final PythonFunction watchers = new WatcherConfiguration(client);

    /** Calls {@code function} with {@code base_url} and the given further arguments (name, value, ...). */
    static Object call(PythonFunction function, String baseUrl, Object... nameValuePairs) throws Exception {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("base_url", baseUrl);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            arguments.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return function.invoke(arguments, new RunContext("test-run", Map.of(), new ConcurrentHashMap<>()));
    }
}
