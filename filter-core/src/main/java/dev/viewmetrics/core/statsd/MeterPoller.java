package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the lines of the meters StatsD only learns about by asking (gauges, function meters, long task timers,
 * custom meters): every poll interval from one daemon thread, {@value #THREAD_NAME}, once {@link #start() started},
 * and once more when closed. A meter whose poll fails is counted and skipped; the others are still polled.
 */
final class MeterPoller implements AutoCloseable {

    /** Name of the polling thread. */
    static final String THREAD_NAME = "viewmetrics-statsd-poller";

    /** One polled meter: reads its values and writes their lines. */
    @FunctionalInterface
    interface Polled {
        void poll();
    }

    private enum State { NEW, STARTED, CLOSED }

    private final Map<Meter.Id, Polled> meters = new ConcurrentHashMap<>();
    private final Duration interval;
    private final LineOutput out;
    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private ScheduledExecutorService scheduler;

    MeterPoller(Duration interval, LineOutput out) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("viewmetrics: the StatsD poll interval must be positive, but was "
                    + interval);
        }
        this.interval = interval;
        this.out = out;
    }

    void add(Meter.Id id, Polled meter) {
        meters.put(id, meter);
    }

    void remove(Meter.Id id) {
        meters.remove(id);
    }

    /** Starts polling every interval; calling it again does nothing. */
    void start() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                throw new IllegalStateException("the StatsD registry is closed and cannot start again");
            }
            if (state == State.NEW) {
                scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
                long millis = interval.toMillis();
                scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
                state = State.STARTED;
            }
        }
    }

    /** Polls every meter once; one poll at a time, so that function meters see their deltas in order. */
    synchronized void poll() {
        for (Map.Entry<Meter.Id, Polled> meter : meters.entrySet()) {
            try {
                meter.getValue().poll();
            } catch (RuntimeException e) {
                out.fault("polling meter '" + meter.getKey().getName() + "'", e);
            }
        }
    }

    /** Stops the schedule, polls every meter a last time and lets the thread end. Calling it again does nothing. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            stopping = scheduler;
        }
        if (stopping != null) {
            stopping.shutdown(); // a poll under way finishes; poll() below waits for it
        }
        poll();
        if (stopping != null) {
            try {
                stopping.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
