package dev.viewmetrics.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registry's place in Micrometer's {@link Metrics#globalRegistry}, where {@link TimingStats} outside a request
 * records: {@link #join} adds the registry unless it already receives what the global registry records (it, or a
 * registry it forwards to, is there already: a second path would count every recording twice), and the returned
 * membership's {@link #leave} removes it again once every {@code ViewMetrics} that joined it has left. A registry
 * someone else added stays where it is.
 */
final class GlobalRegistryMembership {

    /** Registries this class added, with how many {@code ViewMetrics} use each. */
    private static final Map<MeterRegistry, Integer> JOINED = new IdentityHashMap<>();

    /** A membership that was never taken: leaving it does nothing. */
    static final GlobalRegistryMembership NONE = new GlobalRegistryMembership(null);

    private MeterRegistry registry;

    private GlobalRegistryMembership(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds {@code registry} to the global registry unless it already receives its recordings there. */
    static GlobalRegistryMembership join(MeterRegistry registry) {
        synchronized (JOINED) {
            Integer users = JOINED.get(registry);
            if (users != null) {
                JOINED.put(registry, users + 1);
            } else if (receivesGlobalRecordings(registry)) {
                return NONE;
            } else {
                Metrics.addRegistry(registry);
                JOINED.put(registry, 1);
            }
            return new GlobalRegistryMembership(registry);
        }
    }

    /** Removes the registry from the global one when this was its last membership; idempotent. */
    void leave() {
        synchronized (JOINED) {
            if (registry == null) {
                return;
            }
            int users = JOINED.get(registry) - 1;
            if (users == 0) {
                JOINED.remove(registry);
                Metrics.removeRegistry(registry);
            } else {
                JOINED.put(registry, users);
            }
            registry = null;
        }
    }

    private static boolean receivesGlobalRecordings(MeterRegistry registry) {
        Set<MeterRegistry> global = reachableFrom(Metrics.globalRegistry);
        for (MeterRegistry part : reachableFrom(registry)) {
            if (global.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** {@code registry} and every registry it forwards to, directly or through nested composites. */
    private static Set<MeterRegistry> reachableFrom(MeterRegistry registry) {
        Set<MeterRegistry> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MeterRegistry> pending = new ArrayDeque<>(List.of(registry));
        while (!pending.isEmpty()) {
            MeterRegistry next = pending.pop();
            if (reached.add(next) && next instanceof CompositeMeterRegistry) {
                pending.addAll(((CompositeMeterRegistry) next).getRegistries());
            }
        }
        return reached;
    }
}
