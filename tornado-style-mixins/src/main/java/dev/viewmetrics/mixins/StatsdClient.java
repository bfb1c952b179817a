package dev.viewmetrics.mixins;

import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.statsd.WireText;

import java.time.Duration;

/**
 * sprockets-statsd's connector API, writing its exact wire format through viewmetrics' resilient connector:
 * {@code {prefix}.counters.{path}:{n}|c}, {@code {prefix}.gauges.{path}:{v}|g} (and {@code +n}/{@code -n}
 * deltas), {@code {prefix}.timers.{path}:{ms}|ms}. Timings are given in seconds (or a {@code Duration}) and sent
 * in milliseconds, as sprockets does. No tags and no Micrometer naming: existing sprockets dashboards keep working.
 * A disabled client accepts every call and sends nothing.
 */
public final class StatsdClient implements AutoCloseable {

    private static final StatsdClient DISABLED = new StatsdClient(null, "");

    private final StatsdConnector connector;
    private final String counters;
    private final String gauges;
    private final String timers;

    StatsdClient(StatsdConnector connector, String prefix) {
        this.connector = connector;
        String head = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        this.counters = head + "counters.";
        this.gauges = head + "gauges.";
        this.timers = head + "timers.";
    }

    /** The client of a disabled StatsD: every call is a no-op. */
    public static StatsdClient disabled() {
        return DISABLED;
    }

    /** Whether metrics are sent. */
    public boolean isEnabled() {
        return connector != null;
    }

    /** Adds {@code amount} to counter {@code path} ({@code -amount} to decrease it). */
    public void incr(String path, long amount) {
        send(counters, path, Long.toString(amount), "|c");
    }

    /** Subtracts {@code amount} from counter {@code path}. */
    public void decr(String path, long amount) {
        incr(path, -amount);
    }

    /**
     * Sets gauge {@code path} to {@code value}. A negative value is sent as {@code 0} then the negative delta,
     * because a leading {@code -} alone would mean "subtract" to the agent.
     */
    public void gauge(String path, double value) {
        if (value < 0) {
            send(gauges, path, "0", "|g");
        }
        send(gauges, path, WireText.number(value), "|g");
    }

    /** Adjusts gauge {@code path} by {@code delta}: sent as {@code +n} or {@code -n}. */
    public void adjustGauge(String path, double delta) {
        send(gauges, path, (delta >= 0 ? "+" : "") + WireText.number(delta), "|g");
    }

    /** Records {@code seconds} (sprockets takes seconds) in timer {@code path}, sent in milliseconds. */
    public void timing(String path, double seconds) {
        send(timers, path, WireText.number(seconds * 1000.0), "|ms");
    }

    /** Records {@code duration} in timer {@code path}. */
    public void timing(String path, Duration duration) {
        send(timers, path, WireText.number(duration.toNanos() / 1_000_000.0), "|ms");
    }

    /** Starts a timer recorded into timer {@code path} when closed. */
    public Timer timer(String path) {
        long start = System.nanoTime();
        return () -> timing(path, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Flushes what is queued and stops the connector. */
    @Override
    public void close() {
        if (connector != null) {
            connector.close();
        }
    }

    /** The connector lines go through, or {@code null} when disabled. */
    StatsdConnector connector() {
        return connector;
    }

    private void send(String kind, String path, String value, String type) {
        if (connector != null) {
            connector.offer(kind + MetricPath.join(path) + ":" + value + type);
        }
    }

    /** A running timer; closing it records the elapsed time. */
    @FunctionalInterface
    public interface Timer extends AutoCloseable {
        /** Stops the timer and records it. */
        @Override
        void close();
    }
}
