package dev.viewmetrics.sample;

import dev.viewmetrics.core.StatsD;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.function.Function;

/**
 * The one registry all three web applications record into: an in-process registry that keeps percentiles for
 * the demo table and the stats page, plus the StatsD client's registry when {@code STATSD_HOST} is set (the agent
 * computes its own percentiles, so none are sent to it).
 */
final class SampleMetrics implements AutoCloseable {

    private final StatsD statsd;
    private final SimpleMeterRegistry local;
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    private SampleMetrics(StatsD statsd, SimpleMeterRegistry local) {
        this.statsd = statsd;
        this.local = local;
        registry.add(local);
        if (statsd.hasAgent()) {
            registry.add(statsd.registry());
        }
    }

    static SampleMetrics create(SampleConfig config, Function<String, String> env) {
        StatsD statsd = StatsD.builder().environmentVariables(env).service(config.service())
                .environment(config.environment()).build();
        SimpleMeterRegistry local = new SimpleMeterRegistry(StatsD.CUMULATIVE, Clock.SYSTEM);
        local.config().commonTags("service", config.service(), "environment", config.environment());
        local.config().meterFilter(new RequestPercentiles());
        return new SampleMetrics(statsd, local);
    }

    /** What the applications record into. */
    MeterRegistry registry() {
        return registry;
    }

    /** The in-process part, for the demo table and the stats page. */
    SimpleMeterRegistry local() {
        return local;
    }

    /** Flushes what is queued for the agent. */
    @Override
    public void close() {
        registry.close();
        statsd.close();
    }

    /** p50, p95 and p99 of the request timers, kept in the in-process registry only. */
    private static final class RequestPercentiles implements MeterFilter {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() == Meter.Type.TIMER && id.getName().startsWith("view.")) {
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99).build().merge(config);
            }
            return config;
        }
    }
}
