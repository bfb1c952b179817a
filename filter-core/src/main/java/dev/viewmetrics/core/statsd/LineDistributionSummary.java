package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.AbstractDistributionSummary;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.TimeWindowMax;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A distribution summary that sends every (scaled) sample as a histogram line at once, and keeps count, total
 * and a decaying max locally.
 */
final class LineDistributionSummary extends AbstractDistributionSummary {

    private final LongAdder count = new LongAdder();
    private final DoubleAdder total = new DoubleAdder();
    private final TimeWindowMax max;
    private final FlavorLineBuilder lines;
    private final LineOutput out;

    LineDistributionSummary(Id id, Clock clock, DistributionStatisticConfig distribution, double scale,
            FlavorLineBuilder lines, LineOutput out) {
        super(id, clock, distribution, scale, false);
        this.max = new TimeWindowMax(clock, distribution);
        this.lines = lines;
        this.out = out;
    }

    @Override
    protected void recordNonNegative(double amount) {
        count.increment();
        total.add(amount);
        max.record(amount);
        out.histogram(lines, amount);
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public double totalAmount() {
        return total.sum();
    }

    @Override
    public double max() {
        return max.poll();
    }
}
