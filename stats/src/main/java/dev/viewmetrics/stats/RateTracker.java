package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rates over the last 1, 5 and 15 minutes, in events per second, for every counting meter: exponentially
 * weighted moving averages (as Unix load averages), fed by sampling the meters' cumulative counts on a background
 * thread every {@link #TICK}. Each starts from zero and warms up over its window, as if nothing had happened before
 * sampling began (true for a meter created since; an underestimate for the first minutes of meters that were
 * already counting). Costs three doubles per meter and one pass over the registry per tick; the request path is
 * never touched. A rate is unknown until the tick after its meter was first sampled.
 */
final class RateTracker {

    /** How often the counts are sampled. */
    static final Duration TICK = Duration.ofSeconds(5);

    private static final double[] WINDOW_SECONDS = {60, 300, 900};
    private static final double[] UNKNOWN = {Double.NaN, Double.NaN, Double.NaN};

    private final Map<Meter.Id, Ewma> meters = new ConcurrentHashMap<>();
    private MeterRegistry registry;
    private long lastTickNanos;

    /**
     * Samples every meter of {@code registry} at {@code nanos} ({@link System#nanoTime()}). Meters already there at
     * the first tick (or after the registry changed) start from their current count; meters that appear later
     * were created since the last tick and count from zero.
     */
    synchronized void tick(MeterRegistry registry, long nanos) {
        boolean baseline = registry != this.registry;
        if (baseline) {
            meters.clear();
            this.registry = registry;
        }
        double elapsedSeconds = (nanos - lastTickNanos) / 1e9;
        Set<Meter.Id> seen = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            double count = MeterReader.count(meter);
            if (Double.isNaN(count)) {
                continue;
            }
            seen.add(meter.getId());
            Ewma ewma = meters.get(meter.getId());
            if (ewma == null) {
                meters.put(meter.getId(), new Ewma(baseline ? count : 0));
                if (baseline) {
                    continue;
                }
                ewma = meters.get(meter.getId());
            }
            if (elapsedSeconds > 0) {
                ewma.update(count, elapsedSeconds);
            }
        }
        meters.keySet().retainAll(seen);
        lastTickNanos = nanos;
    }

    /** {1-minute, 5-minute, 15-minute} rates per second of the meter {@code id}; {@code NaN}s while unknown. */
    double[] rates(Meter.Id id) {
        Ewma ewma = meters.get(id);
        return ewma == null ? UNKNOWN : ewma.rates;
    }

    /** The moving averages of one meter. */
    private static final class Ewma {
        private double lastCount;
        private volatile double[] rates = UNKNOWN;

        Ewma(double startCount) {
            this.lastCount = startCount;
        }

        void update(double count, double elapsedSeconds) {
            double delta = count >= lastCount ? count - lastCount : count; // a count that went down was reset
            lastCount = count;
            double instant = delta / elapsedSeconds;
            double[] previous = rates;
            double[] next = new double[WINDOW_SECONDS.length];
            for (int i = 0; i < next.length; i++) {
                double alpha = 1 - Math.exp(-elapsedSeconds / WINDOW_SECONDS[i]);
                double before = previous == UNKNOWN ? 0 : previous[i];
                next[i] = before + alpha * (instant - before);
            }
            rates = next;
        }
    }
}
