package dev.viewmetrics.spring.secured;

import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lookup installed ahead of the adapter's, which counts the requests the filter asks about and reports nothing,
 * so the adapter's lookup answers them next.
 */
public final class CountingLookup implements RouteLookup {

    private final AtomicInteger asked = new AtomicInteger();

    @Override
    public void lookUp(HttpServletRequest request, ViewMetricsContext context) {
        asked.incrementAndGet();
    }

    /** How many requests were looked up so far. */
    public int asked() {
        return asked.get();
    }
}
