package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads meters into {@link MeterValues}. Only reads: what Micrometer keeps (counts, totals, its decaying max) plus
 * p50/p95/p99 when a timer or summary publishes those percentiles, or estimated from its histogram buckets when
 * it publishes a histogram; otherwise they are unknown.
 */
final class MeterReader {

    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};
    private static final TimeUnit MS = TimeUnit.MILLISECONDS;

    private MeterReader() {
    }

    /**
     * Every meter of {@code registry}, but the gauges Micrometer derives from a timer's percentiles or histogram
     * (already among the timer's values); a meter that fails to read (a gauge throwing) is left out.
     */
    static List<MeterValues> readAll(MeterRegistry registry) {
        List<MeterValues> values = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            MeterValues read = derived(meter) ? null : read(meter);
            if (read != null) {
                values.add(read);
            }
        }
        return values;
    }

    /** Whether {@code meter} is a gauge Micrometer made of a distribution's percentile or histogram bucket. */
    static boolean derived(Meter meter) {
        Meter.Id id = meter.getId();
        return id.getType() == Meter.Type.GAUGE
                && (id.getName().endsWith(".percentile") && id.getTag("phi") != null
                || id.getName().endsWith(".histogram") && id.getTag("le") != null);
    }

    /** The values of {@code meter}, or {@code null} when reading it failed. */
    static MeterValues read(Meter meter) {
        try {
            return meter.match(MeterReader::gauge, MeterReader::counter, MeterReader::timer, MeterReader::summary,
                    MeterReader::longTaskTimer, MeterReader::timeGauge, MeterReader::functionCounter,
                    MeterReader::functionTimer, MeterReader::other);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The event count of a counting meter (counter, timer, summary), else {@code NaN}. */
    static double count(Meter meter) {
        try {
            return meter.match(g -> Double.NaN, Counter::count, t -> (double) t.count(), s -> (double) s.count(),
                    l -> Double.NaN, g -> Double.NaN, FunctionCounter::count, FunctionTimer::count, m -> Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static MeterValues gauge(Gauge gauge) {
        return plain(gauge.getId(), MeterKind.GAUGE, gauge.getId().getBaseUnit(), gauge.value());
    }

    private static MeterValues timeGauge(TimeGauge gauge) {
        return plain(gauge.getId(), MeterKind.GAUGE, "ms", gauge.value(MS));
    }

    private static MeterValues counter(Counter counter) {
        return counting(counter.getId(), counter.count());
    }

    private static MeterValues functionCounter(FunctionCounter counter) {
        return counting(counter.getId(), counter.count());
    }

    private static MeterValues timer(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        double[] p = percentiles(snapshot, MS);
        return new MeterValues(timer.getId(), MeterKind.TIMER, "ms", timer.count(), timer.totalTime(MS),
                timer.max(MS), p[0], p[1], p[2], Double.NaN);
    }

    private static MeterValues functionTimer(FunctionTimer timer) {
        return new MeterValues(timer.getId(), MeterKind.TIMER, "ms", timer.count(), timer.totalTime(MS), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static MeterValues summary(DistributionSummary summary) {
        HistogramSnapshot snapshot = summary.takeSnapshot();
        double[] p = percentiles(snapshot, null);
        return new MeterValues(summary.getId(), MeterKind.SUMMARY, summary.getId().getBaseUnit(), summary.count(),
                summary.totalAmount(), summary.max(), p[0], p[1], p[2], Double.NaN);
    }

    private static MeterValues longTaskTimer(LongTaskTimer timer) {
        return new MeterValues(timer.getId(), MeterKind.LONG_TASK_TIMER, "ms", Double.NaN, timer.duration(MS),
                timer.max(MS), Double.NaN, Double.NaN, Double.NaN, timer.activeTasks());
    }

    private static MeterValues other(Meter meter) {
        Iterator<Measurement> measurements = meter.measure().iterator();
        double value = measurements.hasNext() ? measurements.next().getValue() : Double.NaN;
        return plain(meter.getId(), MeterKind.OTHER, meter.getId().getBaseUnit(), value);
    }

    private static MeterValues plain(Meter.Id id, MeterKind kind, String unit, double value) {
        return new MeterValues(id, kind, unit, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, value);
    }

    private static MeterValues counting(Meter.Id id, double count) {
        return new MeterValues(id, MeterKind.COUNTER, id.getBaseUnit(), count, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** p50, p95, p99: published percentiles first, then estimates from histogram buckets, else {@code NaN}. */
    static double[] percentiles(HistogramSnapshot snapshot, TimeUnit unit) {
        double[] result = {Double.NaN, Double.NaN, Double.NaN};
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            for (int i = 0; i < PERCENTILES.length; i++) {
                if (Math.abs(value.percentile() - PERCENTILES[i]) < 1e-9) {
                    result[i] = unit == null ? value.value() : value.value(unit);
                }
            }
        }
        CountAtBucket[] buckets = snapshot.histogramCounts();
        for (int i = 0; i < PERCENTILES.length; i++) {
            if (Double.isNaN(result[i]) && buckets.length > 0) {
                result[i] = fromHistogram(buckets, PERCENTILES[i], unit);
            }
        }
        return result;
    }

    /**
     * The {@code quantile} interpolated linearly inside the bucket it falls in, counts taken as cumulative
     * (Micrometer's default) unless they ever decrease; {@code NaN} when it falls in an unbounded bucket.
     */
    static double fromHistogram(CountAtBucket[] buckets, double quantile, TimeUnit unit) {
        double[] cumulative = new double[buckets.length];
        boolean perBucket = false;
        for (int i = 1; i < buckets.length; i++) {
            perBucket |= buckets[i].count() < buckets[i - 1].count();
        }
        double running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running = perBucket ? running + buckets[i].count() : buckets[i].count();
            cumulative[i] = running;
        }
        double total = cumulative[cumulative.length - 1];
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < buckets.length; i++) {
            double upperBound = unit == null ? buckets[i].bucket() : buckets[i].bucket(unit);
            if (cumulative[i] >= rank) {
                if (Double.isInfinite(upperBound)) {
                    return Double.NaN;
                }
                if (cumulative[i] == lowerCount) {
                    return upperBound;
                }
                return lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / (cumulative[i] - lowerCount);
            }
            lowerBound = upperBound;
            lowerCount = cumulative[i];
        }
        return Double.NaN;
    }
}
