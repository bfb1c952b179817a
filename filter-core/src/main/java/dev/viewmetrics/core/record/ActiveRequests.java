package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-flight gauge ({@code {base}.active} per method). One counter per registry and gauge: several web
 * applications recording into the same registry share it, instead of each registering a gauge of its own that
 * Micrometer would ignore after the first. A {@link LongAdder}: request threads on many cores count without
 * contending for one cache line; the gauge adds it up when it is read.
 */
final class ActiveRequests {

    private static final Map<MeterRegistry, Map<String, LongAdder>> BY_REGISTRY = new WeakHashMap<>();

    private ActiveRequests() {
    }

    /** The counter behind gauge {@code name} with {@code tags} in {@code registry}, registering it once. */
    static LongAdder counter(MeterRegistry registry, String name, Tags tags) {
        Map<String, LongAdder> counters;
        synchronized (BY_REGISTRY) {
            counters = BY_REGISTRY.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
        }
        return counters.computeIfAbsent(name + tags, key -> {
            LongAdder counter = new LongAdder();
            Gauge.builder(name, counter, LongAdder::sum).description("HTTP requests in flight").tags(tags)
                    .register(registry);
            return counter;
        });
    }
}
