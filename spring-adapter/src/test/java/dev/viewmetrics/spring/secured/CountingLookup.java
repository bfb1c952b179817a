package dev.viewmetrics.spring.secured;

import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lookup installed ahead of the adapter's, which counts the requests the filter asks about and reports nothing,
 * so the adapter's lookup answers them next. It notes the Spring MVC pattern an earlier dispatch left on a request
 * (an error page's {@code /error}), which a test can show was there and still not the name. Every secured test
 * application installs {@link #INSTANCE} (tests read differences, one application at a time).
 */
public final class CountingLookup implements RouteLookup {

    /** The lookup the secured test applications install. */
    public static final CountingLookup INSTANCE = new CountingLookup();

    private final AtomicInteger asked = new AtomicInteger();
    private final List<String> patternsLeftBehind = new CopyOnWriteArrayList<>();

    private CountingLookup() {
    }

    @Override
    public void lookUp(HttpServletRequest request, ViewMetricsContext context) {
        asked.incrementAndGet();
        Object pattern = request.getAttribute(ViewMetricsContext.SPRING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String) {
            patternsLeftBehind.add(request.getRequestURI() + " -> " + pattern);
        }
    }

    /** Installs {@link #INSTANCE} when a web application starts, as {@code web.xml} does with this listener. */
    public static final class Installer implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            RouteLookup.install(event.getServletContext(), INSTANCE);
        }
    }

    /** How many requests were looked up so far. */
    public int asked() {
        return asked.get();
    }

    /** {@code uri -> pattern} for each request looked up with a Spring MVC pattern already on it. */
    public List<String> patternsLeftBehind() {
        return List.copyOf(patternsLeftBehind);
    }
}
