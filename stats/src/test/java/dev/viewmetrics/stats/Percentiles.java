package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/** Micrometer's own way to have timers keep p50/p95/p99, as the README shows it. */
final class Percentiles {

    private Percentiles() {
    }

    static MeterFilter forTimers() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99).build().merge(config);
            }
        };
    }
}
