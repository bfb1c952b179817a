package dev.viewmetrics.stats;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The states of a reporting component (new, started, closed, each once) and the JVM shutdown hook that closes it
 * if the application does not: so a final report is written on a normal exit or SIGTERM.
 */
final class Lifecycle {

    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int CLOSED = 2;

    private final AtomicInteger state = new AtomicInteger(NEW);
    private final String name;
    private Thread shutdownHook;

    Lifecycle(String name) {
        this.name = name;
    }

    /** Moves to started; fails when started or closed before. */
    void start(Runnable onShutdown) {
        if (!state.compareAndSet(NEW, STARTED)) {
            throw new IllegalStateException(name + " can be started once");
        }
        shutdownHook = new Thread(onShutdown, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Moves to closed; {@code true} for the first call after start, the one that must clean up. */
    boolean close() {
        if (!state.compareAndSet(STARTED, CLOSED)) {
            state.compareAndSet(NEW, CLOSED);
            return false;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook runs or has run
            }
        }
        return true;
    }

    /** Stops {@code executor} and waits a little for a round in progress. */
    static void stop(ScheduledExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
