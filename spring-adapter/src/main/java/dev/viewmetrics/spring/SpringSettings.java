package dev.viewmetrics.spring;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads viewmetrics' configuration keys from a Spring {@link Environment} as {@code viewmetrics.<key>}
 * ({@code viewmetrics.statsd.host}, {@code viewmetrics.service}, …). The keys of the configuration table are looked
 * up by name, so relaxed environment variables such as {@code VIEWMETRICS_STATSD_HOST} work; any other
 * {@code viewmetrics.*} property a source lists is passed on too. Indexed list entries
 * ({@code viewmetrics.exclude[0]}, as YAML lists become) are joined with commas.
 */
final class SpringSettings {

    static final String PREFIX = "viewmetrics.";
    static final String STATSD_HOST = "statsd.host";

    static final List<String> KNOWN_KEYS = List.of(STATSD_HOST, "statsd.port", "statsd.protocol", "statsd.flavor",
            "statsd.prefix", "statsd.queue-size", "statsd.max-packet-size", "statsd.reconnect-min",
            "statsd.reconnect-max", "statsd.reconnect-every", "statsd.close-timeout", "statsd.poll-interval",
            "service", "environment", "version", "enabled", "routes", "max-routes", "cpu-time", "cpu-sample-every",
            "allocation", "exclude", "handler-tag", "base-name", "global-registry");

    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d{1,9})]");

    private SpringSettings() {
    }

    /**
     * Environment variables ({@code STATSD_HOST}, {@code SERVICE}, …) as {@code environment} has them: its
     * system-environment property source holds the process environment, so whoever builds the environment decides
     * what viewmetrics sees (a test replaces that source; any source naming the variable wins as usual).
     */
    static Function<String, String> environmentVariables(Environment environment) {
        return environment::getProperty;
    }

    /** The keys (without the prefix) set in {@code environment}, with their values. */
    static Map<String, String> read(Environment environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> lists = new TreeMap<>();
        for (String key : keys(environment)) {
            String value = environment.getProperty(PREFIX + key);
            if (value == null) {
                continue;
            }
            Matcher indexed = INDEXED.matcher(key);
            if (indexed.matches()) {
                lists.computeIfAbsent(indexed.group(1), k -> new TreeMap<>())
                        .put(Integer.parseInt(indexed.group(2)), value);
            } else {
                settings.put(key, value);
            }
        }
        lists.forEach((key, items) -> settings.putIfAbsent(key, String.join(",", items.values())));
        return settings;
    }

    private static TreeSet<String> keys(Environment environment) {
        TreeSet<String> keys = new TreeSet<>(KNOWN_KEYS);
        if (environment instanceof ConfigurableEnvironment) {
            for (PropertySource<?> source : ((ConfigurableEnvironment) environment).getPropertySources()) {
                if (source instanceof EnumerablePropertySource) {
                    for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                        if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                            keys.add(name.substring(PREFIX.length()));
                        }
                    }
                }
            }
        }
        return keys;
    }
}
