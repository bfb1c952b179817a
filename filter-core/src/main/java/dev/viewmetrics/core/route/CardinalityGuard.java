package dev.viewmetrics.core.route;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the number of distinct routes reported: the first {@code maxRoutes} routes seen are admitted, every
 * later one is reported as {@link #OTHER}. Thread-safe.
 */
public final class CardinalityGuard {

    /** The route reported in place of any route seen after the limit was reached. */
    public static final String OTHER = "OTHER";

    private final int maxRoutes;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private volatile boolean full;

    /**
     * @param maxRoutes the most distinct routes ever admitted
     * @throws IllegalArgumentException when {@code maxRoutes < 1}
     */
    public CardinalityGuard(int maxRoutes) {
        if (maxRoutes < 1) {
            throw new IllegalArgumentException("maxRoutes must be at least 1, was " + maxRoutes);
        }
        this.maxRoutes = maxRoutes;
    }

    /**
     * Returns {@code route} when it was admitted before or there is still room to admit it, else {@link #OTHER}.
     * At most {@code maxRoutes} routes are ever admitted, whatever the concurrency, and an admitted route stays
     * admitted. Looking up an admitted route takes no lock and allocates nothing; once the guard is full, neither
     * does rejecting a new one.
     *
     * @param route the route to admit, never {@code null}
     */
    public String admit(String route) {
        if (admitted.contains(route)) {
            return route;
        }
        return full ? OTHER : admitNew(route);
    }

    /** The number of routes admitted so far, at most {@code maxRoutes}. */
    public int size() {
        return admitted.size();
    }

    private String admitNew(String route) {
        synchronized (admitted) {
            if (admitted.contains(route)) {
                return route;
            }
            if (full) {
                return OTHER;
            }
            admitted.add(route);
            full = admitted.size() == maxRoutes;
            return route;
        }
    }
}
