package dev.viewmetrics.stats;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import static org.assertj.core.api.Assertions.catchThrowable;

/** A real Jetty whose stats page starts with the application (load-on-startup) and one bad init-param. */
final class FailingStart {

    private FailingStart() {
    }

    /** What starting the server threw with init-param {@code key} set to {@code value}. */
    static Throwable of(String key, String value) throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new StatsServlet(new SimpleMeterRegistry()));
        holder.setInitParameter(key, value);
        holder.setInitOrder(1);
        context.addServlet(holder, "/stats");
        context.getServletHandler().setStartWithUnavailable(false);
        server.setHandler(context);
        try {
            return catchThrowable(server::start);
        } finally {
            server.stop();
        }
    }
}
