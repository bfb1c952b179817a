package dev.viewmetrics.core.route;
import java.util.concurrent.*;
public final class CardinalityGuard {
    public static final String OTHER = "OTHER";
    private final int max; private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
    public CardinalityGuard(int maxRoutes) { max = maxRoutes; }
    public synchronized String admit(String route) { if (seen.containsKey(route)) return route; if (seen.size() >= max) return OTHER; seen.put(route, true); return route; }
    public int size() { return seen.size(); }
}
