package dev.viewmetrics.stats;

import dev.viewmetrics.core.StatsD;
import dev.viewmetrics.core.ViewMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.ServletContext;

import java.util.function.Supplier;

/**
 * Where the stats page and the reporters find the registry, asked again each time it is needed (the filter may
 * publish it after they start): the registry given in code; else the servlet-context attribute (a
 * {@link MeterRegistry}, {@link ViewMetrics} or {@link StatsD}); else the {@link ViewMetrics} the application's
 * filter published ({@link ViewMetrics#CONTEXT_ATTRIBUTE}); else Micrometer's {@link Metrics#globalRegistry}.
 */
final class RegistrySource implements Supplier<MeterRegistry> {

    /** The setting naming the servlet-context attribute. */
    static final String KEY = "stats.registry-attribute";

    private final MeterRegistry fixed;
    private final ServletContext context;
    private final String attribute;

    private RegistrySource(MeterRegistry fixed, ServletContext context, String attribute) {
        this.fixed = fixed;
        this.context = context;
        this.attribute = attribute;
    }

    static RegistrySource of(MeterRegistry registry) {
        return new RegistrySource(registry, null, null);
    }

    static RegistrySource of(ServletContext context, String attribute) {
        return new RegistrySource(null, context, attribute);
    }

    @Override
    public MeterRegistry get() {
        if (fixed != null) {
            return fixed;
        }
        Object value = context.getAttribute(attribute);
        if (value == null) {
            value = context.getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE);
        }
        if (value instanceof MeterRegistry registry) {
            return registry;
        }
        if (value instanceof ViewMetrics metrics) {
            return metrics.registry();
        }
        if (value instanceof StatsD statsd) {
            return statsd.registry();
        }
        return Metrics.globalRegistry;
    }
}
