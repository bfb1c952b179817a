package dev.viewmetrics.core.report;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The file reports' listener under its first name, so that a {@code web.xml} written for viewmetrics 0.1 keeps
 * working: it does exactly what {@link dev.viewmetrics.stats.ReportingListener} does, with the same settings.
 *
 * @deprecated declare {@link dev.viewmetrics.stats.ReportingListener} instead (module {@code viewmetrics-stats})
 */
@Deprecated
public final class ReportingListener implements ServletContextListener {

    private final dev.viewmetrics.stats.ReportingListener reports = new dev.viewmetrics.stats.ReportingListener();

    /** For {@code web.xml}. */
    public ReportingListener() {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        reports.contextInitialized(event);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        reports.contextDestroyed(event);
    }
}
