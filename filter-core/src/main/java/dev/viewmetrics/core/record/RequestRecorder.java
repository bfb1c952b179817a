package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records finished requests as {@code {base}.duration} and {@code {base}.cpu} timers and the
 * {@code {base}.allocated} summary (bytes), and keeps the {@code {base}.active} gauge. Meters are looked up once per
 * (route, method, status, exception) and reused, so recording a request does not go through Micrometer's registry.
 */
public final class RequestRecorder {

    private final MeterRegistry registry;
    private final String durationName;
    private final String cpuName;
    /** {@code null} when allocation is not measured: no {@code {base}.allocated} meter is registered. */
    private final String allocatedName;
    private final String activeName;
    private final Tags globalTags;
    private final ConcurrentHashMap<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final LongAdder[] active = new LongAdder[HttpMethods.COUNT];

    /**
     * A recorder writing meters named after {@code baseName} into {@code registry}, each with {@code globalTags};
     * {@code allocation} false registers no {@code {base}.allocated} summary.
     */
    public RequestRecorder(MeterRegistry registry, String baseName, Tags globalTags, boolean allocation) {
        this.registry = registry;
        this.durationName = baseName + ".duration";
        this.cpuName = baseName + ".cpu";
        this.allocatedName = allocation ? baseName + ".allocated" : null;
        this.activeName = baseName + ".active";
        this.globalTags = globalTags;
    }

    /** The registry recorded into. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A request of {@code method} (an {@link HttpMethods} index) started. */
    public void started(int method) {
        activeCounter(method).increment();
    }

    /** A request of {@code method} finished, recorded or not. */
    public void ended(int method) {
        activeCounter(method).decrement();
    }

    /**
     * Records one request. {@code cpuNanos} and {@code allocatedBytes} below zero mean "unknown" and record no CPU
     * or allocation sample. {@code exception} should come from {@link ExceptionNames}, so that it is the same
     * instance each time; {@code handler} is {@code null} when the {@code handler} tag is off.
     */
    public void record(String route, int method, int status, String exception, String handler, long wallNanos,
            long cpuNanos, long allocatedBytes) {
        RouteMeters meters = routes.get(route);
        if (meters == null) {
            meters = routes.computeIfAbsent(route, r -> new RouteMeters());
        }
        RouteMeters.Entry entry = meters.find(method, status, exception, handler);
        if (entry == null) {
            entry = meters.findOrAdd(method, status, exception, handler,
                    () -> register(route, method, status, exception, handler));
        }
        entry.duration.record(wallNanos, TimeUnit.NANOSECONDS);
        if (cpuNanos >= 0) {
            entry.cpu.record(cpuNanos, TimeUnit.NANOSECONDS);
        }
        if (allocatedBytes >= 0 && entry.allocated != null) {
            entry.allocated.record(allocatedBytes);
        }
    }

    private RouteMeters.Entry register(String route, int method, int status, String exception, String handler) {
        Tags tags = Tags.of("route", route, "method", HttpMethods.name(method), "status", Statuses.status(status),
                "outcome", Statuses.outcome(status), "exception", exception).and(globalTags);
        if (handler != null) {
            tags = tags.and("handler", handler);
        }
        Timer duration = Timer.builder(durationName).description("Wall time of HTTP requests, by route template")
                .tags(tags).pauseDetector(RealSamples.PAUSE_DETECTOR).register(registry);
        Timer cpu = Timer.builder(cpuName).description("CPU time of HTTP requests on the request threads")
                .tags(tags).pauseDetector(RealSamples.PAUSE_DETECTOR).register(registry);
        DistributionSummary allocated = allocatedName == null ? null : DistributionSummary.builder(allocatedName)
                .description("Heap bytes allocated by HTTP requests on the request threads").baseUnit("bytes")
                .tags(tags).register(registry);
        return new RouteMeters.Entry(method, status, exception, handler, duration, cpu, allocated);
    }

    private LongAdder activeCounter(int method) {
        LongAdder counter = active[method];
        if (counter == null) {
            synchronized (active) {
                counter = active[method];
                if (counter == null) {
                    counter = ActiveRequests.counter(registry, activeName,
                            Tags.of("method", HttpMethods.name(method)).and(globalTags));
                    active[method] = counter;
                }
            }
        }
        return counter;
    }
}
