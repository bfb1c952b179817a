package dev.viewmetrics.core.statsd;

import java.time.Duration;

/**
 * Exponential reconnect back-off: the first delay is the minimum, each failure doubles it up to the
 * maximum, and a successful connection starts again from the minimum.
 */
final class ConnectorBackoff {

    private final long minNanos;
    private final long maxNanos;
    private long nextNanos;

    ConnectorBackoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = minNanos;
    }

    /** @return the delay before the next attempt, and doubles the one after it (up to the maximum) */
    long nextDelayNanos() {
        long delay = nextNanos;
        nextNanos = delay >= maxNanos / 2 ? maxNanos : delay * 2;
        return delay;
    }

    /** Starts again from the minimum delay, after a successful connection. */
    void reset() {
        nextNanos = minNanos;
    }
}
