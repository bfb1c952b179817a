package dev.viewmetrics.core.readme;

import dev.viewmetrics.core.StatsD;
import dev.viewmetrics.core.testing.HelloServlet;
import dev.viewmetrics.core.testing.LoopbackServer;
import dev.viewmetrics.core.testing.Servlets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import java.time.Duration;

/**
 * Runs one README example as a reader's program would, in a JVM of its own whose environment the test chose
 * ({@code ChildJvm}): the examples' builders read environment variables, and this process has only those.
 */
public final class ReadmeExampleRunner {

    private ReadmeExampleRunner() {
    }

    /** {@code programmatic}: the listener in a servlet container, one request; {@code statsd}: the client. */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "programmatic" -> {
                ServletContextHandler context = new ServletContextHandler("/");
                context.addEventListener(new MetricsSetup());
                context.addServlet(HelloServlet.class, "/*");
                try (LoopbackServer server = LoopbackServer.start(context)) {
                    System.out.println(server.get("/users/42").body());
                } // contextDestroyed: the example closes its metrics, which flushes the line
            }
            case "statsd" -> statsdExample();
            default -> throw new IllegalArgumentException("no README example " + args[0]);
        }
    }

    private static void statsdExample() {
        // readme-example: statsd
        try (StatsD statsd = StatsD.builder().host("127.0.0.1").port(8125)
                .service("shop").environment("prod").version("1.4.2").build()) {
            statsd.increment("orders.placed", "country", "IS");
            statsd.gauge("queue.depth", 12);
            statsd.timing("payment.authorise", Duration.ofMillis(180));
            try (StatsD.Timing render = statsd.timer("invoice.render")) {
                renderInvoice();
            }
        }
        // end readme-example
    }

    private static void renderInvoice() {
        Servlets.burnCpu(2);
    }
}
