package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetrics;

/**
 * Configures, in code, the {@link ViewMetrics} that {@link EnableViewMetrics} (or the Spring Boot starter) builds:
 * declare beans of this type. They run in their {@code @Order} after the {@code viewmetrics.*} properties and the
 * choice of registry were applied, so what they set wins.
 */
@FunctionalInterface
public interface ViewMetricsCustomizer {

    /** Adjusts {@code builder} before it builds the application's {@code ViewMetrics}. */
    void customize(ViewMetrics.Builder builder);
}
