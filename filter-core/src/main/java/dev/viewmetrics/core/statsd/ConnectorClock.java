package dev.viewmetrics.core.statsd;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The time a connector schedules by: when to try to reconnect and how long to wait for it, and when a drop
 * warning is due again. {@link #SYSTEM} in production; a test's own clock lets it check the schedule without
 * waiting for it.
 */
interface ConnectorClock {

    /** {@link System#nanoTime()} and real waiting. */
    ConnectorClock SYSTEM = new ConnectorClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos, CountDownLatch stop) throws InterruptedException {
            stop.await(nanos, TimeUnit.NANOSECONDS);
        }
    };

    /** The current instant, as {@link System#nanoTime()} counts. */
    long nanoTime();

    /** Waits {@code nanos}, or less once {@code stop} has counted down. */
    void sleep(long nanos, CountDownLatch stop) throws InterruptedException;
}
