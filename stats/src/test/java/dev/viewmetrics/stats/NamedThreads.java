package dev.viewmetrics.stats;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The threads a component starts, found by name, and the check that they end once it is closed. */
final class NamedThreads {

    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private NamedThreads() {
    }

    /** The live threads named {@code name}. */
    static Set<Thread> named(String name) {
        Set<Thread> found = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name) && thread.isAlive()) {
                found.add(thread);
            }
        }
        return found;
    }

    /** The live threads named {@code name} that are not in {@code before}. */
    static Set<Thread> startedSince(Set<Thread> before, String name) {
        Set<Thread> started = named(name);
        started.removeAll(before);
        return started;
    }

    /** Waits up to 10 s for each thread to end, and fails for any that did not. */
    static void assertEnded(Set<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(JOIN_MILLIS);
            assertThat(thread.isAlive()).as("%s still running %d ms after close", thread.getName(), JOIN_MILLIS)
                    .isFalse();
        }
    }
}
