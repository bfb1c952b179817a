package dev.viewmetrics.core;

import dev.viewmetrics.core.record.AllocationClock;
import dev.viewmetrics.core.record.CpuClock;
import dev.viewmetrics.core.record.RealSamples;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Times a block of code: wall time as timer {@code {name}}, CPU time as {@code {name}.cpu}, heap bytes allocated
 * as distribution summary {@code {name}.allocated} (base unit {@code bytes}; CPU and allocation only where the JVM
 * measures them on the current thread, so not on virtual threads).
 * Inside a measured request the timers go to that request's registry and carry its {@code route} tag; outside
 * a request they go to Micrometer's global registry ({@code Metrics.globalRegistry}), which the filter's registry
 * joins unless the setting {@code global-registry} is {@code false}.
 * Blocks nest freely.
 *
 * <pre>{@code
 * try (TimingStats t = TimingStats.start("home.feed")) {
 *     feed = loadFeed();
 * }
 * List<Item> items = TimingStats.time("home.items", () -> loadItems());
 * }</pre>
 */
public final class TimingStats implements AutoCloseable {

    private final String name;
    private final String[] tags;
    private final ViewMetricsContext request;
    private final long startNanos;
    private final long startCpu;
    private final long startAllocated;
    private boolean closed;

    private TimingStats(String name, String[] tags) {
        this.name = name;
        this.tags = tags;
        this.request = ViewMetricsContext.current();
        this.startNanos = System.nanoTime();
        this.startCpu = CpuClock.now();
        this.startAllocated = AllocationClock.now();
    }

    /** Starts timing block {@code name}, with extra tags as key/value pairs. */
    public static TimingStats start(String name, String... tags) {
        return new TimingStats(name, tags);
    }

    /** Times {@code block}. */
    public static void time(String name, Runnable block) {
        try (TimingStats ignored = start(name)) {
            block.run();
        }
    }

    /** Times {@code block} and returns its result. */
    public static <T> T time(String name, Callable<T> block) throws Exception {
        try (TimingStats ignored = start(name)) {
            return block.call();
        }
    }

    /** Stops the block and records it (once; later calls do nothing). */
    @Override
    public void close() {
        long allocatedBytes = AllocationClock.elapsed(startAllocated, AllocationClock.now());
        long cpuNanos = CpuClock.elapsed(startCpu, CpuClock.now());
        long wallNanos = System.nanoTime() - startNanos;
        if (closed) {
            return;
        }
        closed = true;
        MeterRegistry registry;
        Tags allTags = Tags.of(tags);
        if (request != null) {
            ViewMetrics metrics = request.timing.metrics();
            registry = metrics.registry();
            allTags = allTags.and("route", request.currentRoute()).and(metrics.globalTags);
        } else {
            registry = Metrics.globalRegistry;
        }
        Timer.builder(name).tags(allTags).pauseDetector(RealSamples.PAUSE_DETECTOR).register(registry)
                .record(wallNanos, TimeUnit.NANOSECONDS);
        if (cpuNanos >= 0) {
            Timer.builder(name + ".cpu").tags(allTags).pauseDetector(RealSamples.PAUSE_DETECTOR)
                    .register(registry).record(cpuNanos, TimeUnit.NANOSECONDS);
        }
        if (allocatedBytes >= 0) {
            DistributionSummary.builder(name + ".allocated").baseUnit("bytes").tags(allTags).register(registry)
                    .record(allocatedBytes);
        }
    }
}
