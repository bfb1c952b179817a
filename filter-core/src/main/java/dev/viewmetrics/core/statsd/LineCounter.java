package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.AbstractMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Statistic;

import java.util.concurrent.atomic.DoubleAdder;

/** A counter that sends every positive increment as a count line at once (as a whole number, like Micrometer). */
final class LineCounter extends AbstractMeter implements Counter {

    private final DoubleAdder count = new DoubleAdder();
    private final FlavorLineBuilder lines;
    private final LineOutput out;

    LineCounter(Id id, FlavorLineBuilder lines, LineOutput out) {
        super(id);
        this.lines = lines;
        this.out = out;
    }

    @Override
    public void increment(double amount) {
        if (amount > 0) {
            count.add(amount);
            out.count(lines, (long) amount, Statistic.COUNT);
        }
    }

    @Override
    public double count() {
        return count.sum();
    }
}
