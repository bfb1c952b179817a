package dev.viewmetrics.core;

import dev.viewmetrics.core.config.SettingsBuilder;

/**
 * The builders of {@link StatsD} and {@link ViewMetrics}: settings plus the other two global tags.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class GlobalTagsBuilder<B extends GlobalTagsBuilder<B>> extends SettingsBuilder<B> {

    /** The {@code environment} global tag. */
    public B environment(String environment) {
        return set("environment", environment);
    }

    /** The {@code version} global tag. */
    public B version(String version) {
        return set("version", version);
    }
}
