package dev.viewmetrics.core;

import dev.viewmetrics.core.config.Settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every viewmetrics builder shares: configuration keys set explicitly, the global tags, and where
 * environment variables are read from. Explicit values win over the environment.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class SettingsBuilder<B extends SettingsBuilder<B>> {

    private final Map<String, String> explicit = new HashMap<>();
    private Function<String, String> environment = System::getenv;

    /** Sets any configuration key ({@code statsd.host}, {@code routes}, …), exactly as an init-param would. */
    public B set(String key, String value) {
        explicit.put(Objects.requireNonNull(key, "key"), value);
        return self();
    }

    /** The {@code service} global tag. */
    public B service(String service) {
        return set("service", service);
    }

    /** The {@code environment} global tag. */
    public B environment(String environment) {
        return set("environment", environment);
    }

    /** The {@code version} global tag. */
    public B version(String version) {
        return set("version", version);
    }

    /** Where environment variables are read from ({@code System::getenv} by default; a map's {@code get} in tests). */
    public B environmentVariables(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /** The settings given so far, backed by the environment. */
    Settings settings() {
        return Settings.of(explicit::get, environment);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
