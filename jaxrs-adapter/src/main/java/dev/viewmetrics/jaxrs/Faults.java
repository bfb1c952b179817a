package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.record.FaultCounter;
import jakarta.servlet.ServletContext;

/**
 * Fail-open for the adapter: a fault while reporting is counted in {@code viewmetrics.errors} of the web
 * application's {@link ViewMetrics} (logged once per kind) and swallowed; the request goes on untouched.
 */
final class Faults {

    private volatile FaultCounter counter;

    /** Counts {@code fault}, which happened while {@code doing}; never throws. */
    void count(ServletContext servletContext, String doing, Throwable fault) {
        try {
            FaultCounter faults = counter;
            if (faults == null) {
                Object metrics = servletContext == null ? null
                        : servletContext.getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE);
                if (!(metrics instanceof ViewMetrics)) {
                    return;
                }
                faults = new FaultCounter(((ViewMetrics) metrics).registry());
                counter = faults;
            }
            faults.count(doing, fault);
        } catch (RuntimeException | LinkageError ignored) {
            // the servlet context is gone: nothing is left to count into
        }
    }
}
