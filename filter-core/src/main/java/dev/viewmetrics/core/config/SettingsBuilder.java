package dev.viewmetrics.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every viewmetrics builder shares: configuration keys set explicitly (exactly as {@code web.xml}
 * parameters would set them), the {@code service} name, and where environment variables are read from.
 * Explicit values win over the environment.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class SettingsBuilder<B extends SettingsBuilder<B>> {

    private final Map<String, String> explicit = new HashMap<>();
    private Function<String, String> environment = System::getenv;

    /** For subclasses. */
    protected SettingsBuilder() {
    }

    /** Sets any configuration key ({@code statsd.host}, {@code routes}, {@code report.interval}, …). */
    public B set(String key, String value) {
        explicit.put(Objects.requireNonNull(key, "key"), value);
        return self();
    }

    /** The {@code service} name (a global tag; also names report and stats files). */
    public B service(String service) {
        return set("service", service);
    }

    /** Where environment variables are read from ({@code System::getenv} by default; a map's {@code get} in tests). */
    public B environmentVariables(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /** The settings given so far, backed by the environment. */
    public Settings settings() {
        return Settings.of(explicit::get, environment);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
