package dev.viewmetrics.stats;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The single named daemon thread each reporting component runs on. */
final class Threads {

    private Threads() {
    }

    static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
