package dev.viewmetrics.stats;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsContext;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/**
 * A real Jetty with the viewmetrics filter recording into a registry, three routes (one reported by a framework
 * under a hostile name) and the stats page on {@code /stats}.
 */
final class ShopServer implements AutoCloseable {

    /** The route a misbehaving framework reports: it must show as text, never run. */
    static final String HOSTILE_ROUTE = "/x/<script>document.title='pwned'</script>";

    private static final ObjectMapper JSON = new ObjectMapper();

    final MeterRegistry registry;
    final ViewMetrics metrics;
    final TestServer server;

    private ShopServer(MeterRegistry registry, ViewMetrics metrics, TestServer server) {
        this.registry = registry;
        this.metrics = metrics;
        this.server = server;
    }

    /** Serves {@code stats} (built from the registry) on {@code /stats}; {@code more} adds to the server. */
    static ShopServer start(MeterRegistry registry, java.util.function.Function<MeterRegistry, HttpServlet> stats,
            UnaryOperator<TestServer.Builder> more) throws Exception {
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).service("shop").environment("test")
                .environmentVariables(name -> null).build();
        TestServer.Builder builder = TestServer.builder("").filter(metrics.filter())
                .servlet("/users/*", Servlets.status(200))
                .servlet("/orders/*", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        Servlets.burnCpu(3);
                        resp.getWriter().write("order");
                    }
                })
                .servlet("/hostile", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        req.setAttribute(ViewMetricsContext.ROUTE_ATTRIBUTE, HOSTILE_ROUTE);
                        resp.getWriter().write("hostile");
                    }
                })
                .servlet("/stats", stats.apply(registry));
        return new ShopServer(registry, metrics, more.apply(builder).start());
    }

    static ShopServer start() throws Exception {
        return start(new SimpleMeterRegistry(), StatsServlet::new, b -> b);
    }

    /** Three requests to /users/{id}, one to /orders/{id}, one to the hostile route. */
    ShopServer traffic() throws Exception {
        for (String path : new String[] {"/users/42", "/users/7", "/users/42", "/orders/9", "/hostile"}) {
            HttpResponse<String> response = server.get(path);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
        }
        return this;
    }

    /**
     * Sends traffic until the stats page shows a rate for {@code /users/{id}} (up to 30 s): rates need two samples
     * of the counts, the first of which only sets where counting starts, taken whenever the sampler gets to it.
     */
    ShopServer trafficUntilRatesShow() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            traffic();
            JsonNode json = JSON.readTree(get("/stats?format=json&query=route:/users/*").body());
            for (JsonNode meter : json.get("meters")) {
                JsonNode m1 = meter.path("rate").path("m1");
                if (meter.get("name").asText().equals("view.duration") && m1.isNumber() && m1.asDouble() > 0) {
                    return this;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no rate shown within 30 s: " + json);
            }
            Thread.sleep(20);
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    /** Stops the server, then the filter's metrics; a failure to stop fails the test. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the test server", e);
        } catch (Exception e) {
            throw new IllegalStateException("stopping the test server failed", e);
        } finally {
            metrics.close();
        }
    }
}
