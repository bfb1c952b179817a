package dev.viewmetrics.core.report;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;

import java.io.IOException;

/**
 * The stats page under its first name, so that a {@code web.xml} written for viewmetrics 0.1 keeps working: it
 * serves exactly what {@link dev.viewmetrics.stats.StatsServlet} serves, with the same init-params.
 *
 * @deprecated declare {@link dev.viewmetrics.stats.StatsServlet} instead (module {@code viewmetrics-stats})
 */
@Deprecated
public final class StatsServlet extends HttpServlet {

    private final dev.viewmetrics.stats.StatsServlet page = new dev.viewmetrics.stats.StatsServlet();

    /** For {@code web.xml}. */
    public StatsServlet() {
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        page.init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        page.service(request, response);
    }

    @Override
    public void destroy() {
        page.destroy();
    }
}
