package dev.viewmetrics.stats.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it: "two different minutes" without waiting for one. */
public final class ManualClock extends Clock {

    private volatile long millis;

    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    /** Moves the clock forward by {@code step}. */
    public void advance(Duration step) {
        millis += step.toMillis();
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock is in UTC");
    }
}
