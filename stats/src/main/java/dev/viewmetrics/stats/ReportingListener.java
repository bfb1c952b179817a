package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.config.SettingsBuilder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.Collections;

/**
 * Starts the {@link JsonFileReporter} and/or the {@link MmapPublisher} for a {@code web.xml} application, from
 * {@code <context-param>}s: {@code report.json=true} and {@code stats.mmap=true} turn them on, the other keys of
 * the configuration table tune them. The registry is found as the stats page finds it (servlet-context attribute
 * {@value StatsServlet#REGISTRY_ATTRIBUTE}, else Micrometer's global registry), at every report, so it may be
 * published after this listener runs. Both are closed, with a final report, when the application stops.
 */
public final class ReportingListener implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");

    private JsonFileReporter reporter;
    private MmapPublisher publisher;

    /** For {@code web.xml}. */
    public ReportingListener() {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Settings settings = Settings.of(context::getInitParameter, ContextEnvironment.of(context));
        RegistrySource registry = RegistrySource.of(context,
                settings.get(RegistrySource.KEY, StatsServlet.REGISTRY_ATTRIBUTE));
        boolean json = settings.getBoolean(ReportSettings.REPORT_JSON, false);
        boolean mmap = settings.getBoolean(ReportSettings.MMAP, false);
        if (json) {
            reporter = withContextParams(JsonFileReporter.builder(registry), context).start();
        }
        if (mmap) {
            try {
                publisher = withContextParams(MmapPublisher.builder(registry), context).start();
            } catch (RuntimeException e) {
                closeAll();
                throw e;
            }
        }
        if (!json && !mmap) {
            LOG.log(System.Logger.Level.WARNING, "viewmetrics: ReportingListener is declared but neither "
                    + "report.json nor stats.mmap is true: nothing is reported");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        closeAll();
    }

    /** The running JSON reporter, or {@code null}. */
    public JsonFileReporter reporter() {
        return reporter;
    }

    /** The running mmap publisher, or {@code null}. */
    public MmapPublisher publisher() {
        return publisher;
    }

    /** Hands every context-param to {@code builder}, as explicit settings (the environment stays the fallback). */
    private static <B extends SettingsBuilder<B>> B withContextParams(B builder, ServletContext context) {
        builder.environmentVariables(ContextEnvironment.of(context));
        for (String name : Collections.list(context.getInitParameterNames())) {
            builder.set(name, context.getInitParameter(name));
        }
        return builder;
    }

    private void closeAll() {
        if (reporter != null) {
            reporter.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
