package dev.viewmetrics.core;

/**
 * Counts {@link RouteLookup#install} calls in this class loader, so that a filter whose web application has no
 * lookup looks for one again only after one was installed somewhere, not on every request.
 */
final class RouteLookupInstalls {

    private static volatile int count;

    private RouteLookupInstalls() {
    }

    /** Called by {@link RouteLookup#install} once the lookup is in its servlet context. */
    static synchronized void installed() {
        count++;
    }

    static int count() {
        return count;
    }
}
