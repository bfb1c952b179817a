package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.spring.ViewMetricsCustomizer;
import org.springframework.core.Ordered;

/**
 * Sets the bound {@link ViewMetricsProperties} on the builder, as typed values the core parses; properties left
 * unset are not touched, so the core's defaults and environment variables still apply to them. It runs before every
 * other {@link ViewMetricsCustomizer}, so that what the application sets in code wins over its properties.
 */
final class PropertiesCustomizer implements ViewMetricsCustomizer, Ordered {

    private final ViewMetricsProperties properties;

    PropertiesCustomizer(ViewMetricsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ViewMetrics.Builder builder) {
        properties.settings().forEach(builder::set);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
