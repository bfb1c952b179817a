package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fail-open accounting: a fault inside metrics code is counted as {@code viewmetrics.errors} (tag {@code kind},
 * the fault's class) and logged once per kind; the request it happened in proceeds untouched.
 */
public final class FaultCounter {

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");

    private final MeterRegistry registry;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** A counter registering {@code viewmetrics.errors} in {@code registry}. */
    public FaultCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts {@code fault}, which happened while {@code doing} (e.g. "recording a request"). Never throws. */
    public void count(String doing, Throwable fault) {
        String kind = ExceptionNames.of(fault);
        try {
            Counter.builder("viewmetrics.errors").description("Faults inside viewmetrics, swallowed (fail-open)")
                    .tag("kind", kind).register(registry).increment();
        } catch (RuntimeException ignored) {
            // the registry itself is broken: logging below is all that is left
        }
        if (logged.add(kind)) {
            LOG.log(System.Logger.Level.WARNING, "viewmetrics: fault while " + doing
                    + " (the request was not affected; further faults of this kind are only counted)", fault);
        }
    }
}
