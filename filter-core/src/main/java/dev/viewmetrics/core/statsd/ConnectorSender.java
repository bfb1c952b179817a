package dev.viewmetrics.core.statsd;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The sender loop, run by the connector's one thread: keeps a connection open (with back-off,
 * and rotation when asked), fills a batch from the ring as soon as lines are there, checks that the
 * agent is still on the other end, and writes. Lines wait in the ring while there is no connection;
 * lines of a failed stream write go out first on the next connection.
 *
 * <p>Once asked to stop, it sends what is left until the deadline; it tries to connect once more
 * at once if it has no connection, and gives up when that fails rather than wait for an absent agent.
 */
final class ConnectorSender implements Runnable {

    private static final Logger LOG = System.getLogger(StatsdConnector.class.getName());
    /**
     * Longest wait for a line before the loop looks around again: an idle connection that the agent
     * closed is noticed then. A stop request wakes it at once.
     */
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long NO_DEADLINE = Long.MAX_VALUE / 4;
    /** How long to let a writer finish a line it has claimed but not yet published. */
    private static final long SETTLE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final LineRing queue;
    private final ConnectorCounters counters;
    private final Transport transport;
    private final ConnectorBackoff backoff;
    private final ConnectorClock clock;
    private final long reconnectEveryNanos;
    private final String target;
    private final TransportBatch batch;
    /** {@link #deadline()}, created once: sending allocates nothing per write. */
    private final LongSupplier deadline = this::deadline;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile long stopDeadline;
    /** Lines taken from the ring and not yet sent: the batch's. */
    private volatile int held;

    private boolean everConnected;
    private long openedAt;
    /** When the next connection attempt is due, by {@link #clock}. */
    private long nextAttemptAt;
    private int failedAttempts;
    /** Set when a connection attempt fails during close: the agent is away, so close does not wait for it. */
    private boolean unreachableWhileStopping;

    ConnectorSender(LineRing queue, ConnectorCounters counters, Transport transport, ConnectorBackoff backoff,
                    ConnectorClock clock, Duration reconnectEvery, String target) {
        this.queue = queue;
        this.counters = counters;
        this.transport = transport;
        this.backoff = backoff;
        this.clock = clock;
        this.nextAttemptAt = clock.nanoTime();
        this.reconnectEveryNanos = reconnectEvery == null ? 0 : reconnectEvery.toNanos();
        this.target = target;
        this.batch = new TransportBatch(transport.batchLimit());
    }

    /** Asks the loop to send what is queued until {@code deadlineNanos}, then to end. */
    void stop(long deadlineNanos) {
        stopDeadline = deadlineNanos;
        stopping = true;
        stopRequested.countDown();
        queue.wake();
    }

    /** @return lines the sender has taken from the queue and not yet sent */
    int held() {
        return held;
    }

    @Override
    public void run() {
        try {
            while (!finished()) {
                try {
                    step();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "StatsD connector to " + target + " hit an unexpected error; reconnecting", e);
                    transport.close();
                    nextAttemptAt = clock.nanoTime() + backoff.nextDelayNanos();
                }
            }
        } finally {
            transport.close();
            counters.dropped(ConnectorCounters.Drop.CLOSED, batch.unwrittenLines());
            batch.clear();
            held = 0;
        }
    }

    private boolean finished() {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        if (!stopping) {
            return false;
        }
        boolean nothingLeft = batch.isEmpty() && queue.isEmpty();
        return nothingLeft || unreachableWhileStopping || System.nanoTime() - stopDeadline >= 0;
    }

    /** One round: connect if needed, take what is queued, rotate the connection if due, send. */
    private void step() throws InterruptedException {
        if (!transport.isOpen() && !connect()) {
            return;
        }
        if (!fill()) {
            return;
        }
        if (rotationDue() && !connect()) {
            return;
        }
        if (transport.peerClosed()) {
            lost("the agent closed the connection");
            return;
        }
        send();
    }

    private boolean rotationDue() {
        return reconnectEveryNanos > 0 && System.nanoTime() - openedAt >= reconnectEveryNanos;
    }

    private boolean connect() throws InterruptedException {
        boolean rotating = transport.isOpen();
        transport.close();
        if (!rotating && !stopping && !sleepUntil(nextAttemptAt)) {
            return false;
        }
        try {
            transport.open(deadline);
        } catch (IOException e) {
            unreachableWhileStopping = stopping;
            failedAttempts++;
            long delay = backoff.nextDelayNanos();
            nextAttemptAt = clock.nanoTime() + delay;
            Level level = failedAttempts == 1 ? Level.WARNING : Level.DEBUG;
            LOG.log(level, () -> "StatsD connector cannot reach " + target + " (" + e + "); lines stay queued, retrying in "
                    + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
            return false;
        }
        openedAt = System.nanoTime();
        backoff.reset();
        if (everConnected) {
            counters.reconnected();
        }
        everConnected = true;
        if (failedAttempts > 0) {
            int attempts = failedAttempts;
            LOG.log(Level.INFO, () -> "StatsD connector reached " + target + " after " + attempts + " failed attempt(s)");
        }
        failedAttempts = 0;
        return true;
    }

    /** Sleeps until the given instant unless a stop request comes first; false if it must not connect yet. */
    private boolean sleepUntil(long instant) throws InterruptedException {
        long now = clock.nanoTime();
        if (instant - now > 0) {
            clock.sleep(instant - now, stopRequested);
        }
        return instant - clock.nanoTime() <= 0 || stopping;
    }

    /**
     * Tops the batch up with queued lines, waiting for the first one when the batch is empty.
     *
     * @return true when there is something to send
     */
    private boolean fill() throws InterruptedException {
        if (batch.isEmpty() && !queue.awaitLines(stopping ? 0 : IDLE_WAIT_NANOS)) {
            if (!stopping && transport.peerClosed()) {
                lost("the agent closed the idle connection");
            }
            return false;
        }
        queue.drainTo(batch);
        held = batch.unwrittenLines();
        if (batch.isEmpty()) {
            LockSupport.parkNanos(SETTLE_NANOS); // the next line is claimed but still being written
            return false;
        }
        return true;
    }

    private void send() {
        int before = batch.unwrittenLines();
        try {
            transport.send(batch, deadline);
            counters.sent(before);
            batch.clear();
        } catch (IOException e) {
            counters.sent(before - batch.unwrittenLines());
            if (transport.keepsLinesOnFailure()) {
                batch.keepUnwritten();
                lost("the write failed: " + e);
            } else {
                counters.dropped(ConnectorCounters.Drop.SEND_ERROR, batch.unwrittenLines());
                batch.clear();
                if (!transport.survives(e)) {
                    lost("the send failed: " + e);
                }
            }
        }
        held = batch.unwrittenLines();
    }

    private void lost(String why) {
        transport.close();
        nextAttemptAt = clock.nanoTime() + backoff.nextDelayNanos();
        int kept = batch.unwrittenLines();
        LOG.log(Level.INFO, () -> "StatsD connection to " + target + " lost because " + why + "; reconnecting"
                + (kept > 0 ? ", " + kept + " unsent line(s) go first" : ""));
    }

    private long deadline() {
        return stopping ? stopDeadline : System.nanoTime() + NO_DEADLINE;
    }
}
