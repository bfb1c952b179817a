package dev.viewmetrics.core.statsd;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a connector did with its lines: how many were sent, how many were dropped and why, and how
 * often it reconnected. Drops are logged as a WARNING the first time and then at most once a minute
 * per reason, with the count since the previous warning.
 */
final class ConnectorCounters {

    /** Why a line was dropped; {@link #tag()} is the value of the {@code reason} tag. */
    enum Drop {
        QUEUE_FULL("queue_full", "the queue was full"),
        SEND_ERROR("send_error", "the agent could not be reached"),
        CLOSED("closed", "the connector was closed");

        private final String tag;
        private final String cause;

        Drop(String tag, String cause) {
            this.tag = tag;
            this.cause = cause;
        }

        String tag() {
            return tag;
        }

        static Drop ofTag(String tag) {
            for (Drop drop : values()) {
                if (drop.tag.equals(tag)) {
                    return drop;
                }
            }
            throw new IllegalArgumentException("Unknown drop reason '" + tag + "': expected queue_full, send_error or closed");
        }
    }

    static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Logger LOG = System.getLogger(StatsdConnector.class.getName());

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Map<Drop, DropCount> drops = new EnumMap<>(Drop.class);
    private final String target;
    private final ConnectorClock clock;

    /**
     * @param target the agent, as shown in warnings
     * @param clock  what tells when a warning is due again
     */
    ConnectorCounters(String target, ConnectorClock clock) {
        this.target = target;
        this.clock = clock;
        for (Drop drop : Drop.values()) {
            drops.put(drop, new DropCount());
        }
    }

    void sent(int lines) {
        sent.addAndGet(lines);
    }

    long sent() {
        return sent.get();
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    long reconnects() {
        return reconnects.get();
    }

    /** Counts {@code lines} dropped lines and warns when the last warning for this reason is old enough. */
    void dropped(Drop reason, long lines) {
        if (lines <= 0) {
            return;
        }
        DropCount count = drops.get(reason);
        count.total.add(lines);
        long now = clock.nanoTime();
        long due = count.nextWarning.get();
        if ((!count.warnedOnce || now - due >= 0) && count.nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
            count.warnedOnce = true;
            long total = count.total.sum();
            long since = total - count.warnedTotal.getAndSet(total);
            LOG.log(Level.WARNING, "StatsD connector to {0} dropped {1} line(s) because {2} [reason={3}]; {4} dropped so far",
                    target, since, reason.cause, reason.tag, total);
        }
    }

    long dropped(Drop reason) {
        return drops.get(reason).total.sum();
    }

    private static final class DropCount {
        final LongAdder total = new LongAdder();
        final AtomicLong nextWarning = new AtomicLong();
        final AtomicLong warnedTotal = new AtomicLong();
        volatile boolean warnedOnce;
    }
}
