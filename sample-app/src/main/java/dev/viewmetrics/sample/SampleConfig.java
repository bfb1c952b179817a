package dev.viewmetrics.sample;

import dev.viewmetrics.core.config.Settings;

import java.util.Locale;
import java.util.function.Function;

/**
 * The sample app's settings, from environment variables: {@code PORT} (8080), {@code HOST} (127.0.0.1),
 * {@code STATSD_HOST} (unset: in-process registry only), {@code STATSD_PORT}, {@code STATSD_PROTOCOL},
 * {@code STATSD_FLAVOR}, {@code SERVICE} ({@code sample}), {@code ENVIRONMENT} ({@code dev}), and
 * {@code VIEWMETRICS_ENABLED} ({@code true}), which every application's filter is given.
 */
record SampleConfig(String host, int port, String statsdHost, int statsdPort, String statsdProtocol,
                    String statsdFlavor, String service, String environment, boolean enabled) {

    static SampleConfig from(Function<String, String> env) {
        return new SampleConfig(
                value(env, "HOST", "127.0.0.1"),
                port(env, "PORT", 8080),
                value(env, "STATSD_HOST", null),
                port(env, "STATSD_PORT", 8125),
                value(env, "STATSD_PROTOCOL", "udp").toLowerCase(Locale.ROOT),
                value(env, "STATSD_FLAVOR", "datadog").toLowerCase(Locale.ROOT),
                value(env, "SERVICE", "sample"),
                value(env, "ENVIRONMENT", "dev"),
                Settings.of(key -> null, env).getBoolean("enabled", true));
    }

    /** The same settings on another port (0: any free one). */
    SampleConfig withPort(int newPort) {
        return new SampleConfig(host, newPort, statsdHost, statsdPort, statsdProtocol, statsdFlavor, service,
                environment, enabled);
    }

    boolean hasAgent() {
        return statsdHost != null;
    }

    /** One line saying where metrics go. */
    String describeAgent() {
        return hasAgent()
                ? "StatsD " + statsdProtocol + "://" + statsdHost + ":" + statsdPort + " (" + statsdFlavor + " flavor)"
                : "no STATSD_HOST: in-process registry only";
    }

    private static String value(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = value(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, but was '" + value + "'");
    }
}
