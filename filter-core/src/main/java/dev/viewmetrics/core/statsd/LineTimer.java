package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.AbstractTimer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.TimeWindowMax;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.util.TimeUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A timer that sends every sample as a timing line in milliseconds (exact to the nanosecond) at once, and keeps count, total and a
 * decaying max locally (the agent computes its own; these are for in-process readers such as the stats page).
 */
final class LineTimer extends AbstractTimer {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final LongAdder count = new LongAdder();
    private final DoubleAdder totalMillis = new DoubleAdder();
    private final TimeWindowMax max;
    private final FlavorLineBuilder lines;
    private final LineOutput out;

    LineTimer(Id id, Clock clock, DistributionStatisticConfig distribution, PauseDetector pauseDetector,
            FlavorLineBuilder lines, LineOutput out) {
        super(id, clock, distribution, pauseDetector, TimeUnit.MILLISECONDS, false);
        this.max = new TimeWindowMax(clock, distribution);
        this.lines = lines;
        this.out = out;
    }

    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {
        long nanos = unit.toNanos(amount);
        double millis = nanos / NANOS_PER_MILLI;
        count.increment();
        totalMillis.add(millis);
        max.record(millis, TimeUnit.MILLISECONDS);
        out.timing(lines, nanos);
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public double totalTime(TimeUnit unit) {
        return TimeUtils.convert(totalMillis.sum(), TimeUnit.MILLISECONDS, unit);
    }

    @Override
    public double max(TimeUnit unit) {
        return max.poll(unit);
    }
}
