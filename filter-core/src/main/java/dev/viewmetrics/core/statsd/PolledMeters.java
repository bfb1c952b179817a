package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.MeterPoller.Polled;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;

import java.util.concurrent.TimeUnit;

/**
 * What each polled meter sends. StatsD gauges are absolute, so a gauge is sent at every poll (unless it is NaN or
 * infinite); cumulative function meters are sent as the count lines of what changed since the previous poll.
 */
final class PolledMeters {

    private PolledMeters() {
    }

    /** {@code name:value|g}. */
    static Polled gauge(Gauge gauge, FlavorLineBuilder lines, LineOutput out) {
        return () -> sendGauge(out, lines, gauge.value(), Statistic.VALUE);
    }

    /** Active tasks, the duration of all running tasks and the longest one, in milliseconds, as gauges. */
    static Polled longTaskTimer(LongTaskTimer timer, FlavorLineBuilder lines, LineOutput out) {
        return () -> {
            sendGauge(out, lines, timer.activeTasks(), Statistic.ACTIVE_TASKS);
            sendGauge(out, lines, timer.duration(TimeUnit.MILLISECONDS), Statistic.DURATION);
            sendGauge(out, lines, timer.max(TimeUnit.MILLISECONDS), Statistic.MAX);
        };
    }

    /** Each measurement of a custom meter as a gauge, with its statistic. */
    static Polled measurements(Meter meter, FlavorLineBuilder lines, LineOutput out) {
        return () -> {
            for (Measurement measurement : meter.measure()) {
                sendGauge(out, lines, measurement.getValue(), measurement.getStatistic());
            }
        };
    }

    private static void sendGauge(LineOutput out, FlavorLineBuilder lines, double value, Statistic statistic) {
        if (Double.isFinite(value)) {
            out.gauge(lines, value, statistic);
        }
    }

    /** A function counter's increase since the previous poll, as a count line when positive. */
    static final class CounterDelta implements Polled {
        private final FunctionCounter counter;
        private final FlavorLineBuilder lines;
        private final LineOutput out;
        private long last;

        CounterDelta(FunctionCounter counter, FlavorLineBuilder lines, LineOutput out) {
            this.counter = counter;
            this.lines = lines;
            this.out = out;
        }

        @Override
        public void poll() {
            long count = (long) counter.count();
            long delta = count - last;
            last = count;
            if (delta > 0) {
                out.count(lines, delta, Statistic.COUNT);
            }
        }
    }

    /**
     * A function timer's new events and their total time in whole milliseconds since the previous poll, as two
     * count lines ({@code name:3|c} and the {@code total} statistic), when there are new events. The fraction of a
     * millisecond left over is carried into the next poll, so the totals add up. (Micrometer's StatsD registry sends
     * one timing line of the average per new event instead: unbounded lines per poll.)
     */
    static final class TimerDelta implements Polled {
        private final FunctionTimer timer;
        private final FlavorLineBuilder lines;
        private final LineOutput out;
        private long lastCount;
        private long sentMillis;

        TimerDelta(FunctionTimer timer, FlavorLineBuilder lines, LineOutput out) {
            this.timer = timer;
            this.lines = lines;
            this.out = out;
        }

        @Override
        public void poll() {
            long count = (long) timer.count();
            long newEvents = count - lastCount;
            lastCount = count;
            double totalMillis = timer.totalTime(TimeUnit.MILLISECONDS);
            if (newEvents < 0 || !Double.isFinite(totalMillis)) {
                sentMillis = Double.isFinite(totalMillis) ? (long) totalMillis : 0; // reset: a new baseline
                return;
            }
            if (newEvents > 0) {
                long newMillis = Math.max(0, (long) totalMillis - sentMillis);
                sentMillis += newMillis;
                out.count(lines, newEvents, Statistic.COUNT);
                out.count(lines, newMillis, Statistic.TOTAL_TIME);
            }
        }
    }
}
