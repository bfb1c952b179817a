package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-flight gauge ({@code {base}.active} per method). One counter per registry and gauge: several web
 * applications recording into the same registry share it, instead of each registering a gauge of its own that
 * Micrometer would ignore after the first.
 */
final class ActiveRequests {

    private static final Map<MeterRegistry, Map<String, AtomicLong>> BY_REGISTRY = new WeakHashMap<>();

    private ActiveRequests() {
    }

    /** The counter behind gauge {@code name} with {@code tags} in {@code registry}, registering it once. */
    static AtomicLong counter(MeterRegistry registry, String name, Tags tags) {
        Map<String, AtomicLong> counters;
        synchronized (BY_REGISTRY) {
            counters = BY_REGISTRY.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
        }
        return counters.computeIfAbsent(name + tags, key -> {
            AtomicLong counter = new AtomicLong();
            Gauge.builder(name, counter, AtomicLong::get).description("HTTP requests in flight").tags(tags)
                    .register(registry);
            return counter;
        });
    }
}
