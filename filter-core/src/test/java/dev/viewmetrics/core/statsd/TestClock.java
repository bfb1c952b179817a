package dev.viewmetrics.core.statsd;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connector clock the test moves: {@link #advance} moves it on; a wait the connector asks for is recorded and
 * lasts until the test {@link #release}s it (or the connector stops), and then the clock has moved on by that much.
 * The connector's reconnect schedule can so be read step by step, without waiting for it.
 */
final class TestClock implements ConnectorClock {

    private final AtomicLong now = new AtomicLong();
    private final BlockingQueue<Long> waits = new LinkedBlockingQueue<>();
    private final Semaphore released = new Semaphore(0);

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(long nanos, CountDownLatch stop) throws InterruptedException {
        waits.add(nanos);
        while (!released.tryAcquire(10, TimeUnit.MILLISECONDS)) {
            if (stop.getCount() == 0) {
                return;
            }
        }
        now.addAndGet(nanos);
    }

    /** Moves the clock on by {@code duration}. */
    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** The next wait the connector asked for (waiting up to 10 s for it to ask), not yet released. */
    Duration nextWait() throws InterruptedException {
        Long nanos = waits.poll(10, TimeUnit.SECONDS);
        if (nanos == null) {
            throw new AssertionError("the connector asked for no wait within 10 s");
        }
        return Duration.ofNanos(nanos);
    }

    /** Ends the wait the connector is in, as if its time had passed. */
    void release() {
        released.release();
    }
}
