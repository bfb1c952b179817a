package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which a route is found, README "How a route is found": what a framework reported (an adapter's
 * route, the route attribute, Spring's pattern attribute, read without any adapter) before the declared templates,
 * the declared templates before the servlet mapping. Real Jetty, real UDP lines.
 */
class RouteResolutionOrderTest {

    private UdpReceiver agent;
    private TestServer server;

    @BeforeEach
    void startAgent() throws Exception {
        agent = new UdpReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        agent.close();
    }

    @Test
    void anAdaptersRouteWinsOverADeclaredTemplate() throws Exception {
        start("/*", "/users/{id}", (req, resp) -> ViewMetricsContext.of(req).setRoute("/members/{memberId}"));

        assertThat(routeOf("/users/42")).isEqualTo("/members/{memberId}");
    }

    @Test
    void theRouteAttributeWinsOverADeclaredTemplate() throws Exception {
        start("/*", "/users/{id}", (req, resp) -> req.setAttribute(ViewMetricsContext.ROUTE_ATTRIBUTE, "/people/{pid}"));

        assertThat(routeOf("/users/42")).isEqualTo("/people/{pid}");
    }

    @Test
    void springsPatternAttributeIsReadWithoutAnyAdapter() throws Exception {
        start("/*", null, (req, resp) -> req.setAttribute(ViewMetricsContext.SPRING_PATTERN_ATTRIBUTE,
                "/orders/{orderId}"));

        assertThat(routeOf("/orders/o-17")).isEqualTo("/orders/{orderId}");
    }

    @Test
    void springsPatternUnderAPathMappedServletGetsTheServletPath() throws Exception {
        start("/api/*", null, (req, resp) -> req.setAttribute(ViewMetricsContext.SPRING_PATTERN_ATTRIBUTE,
                "/orders/{orderId}"));

        assertThat(routeOf("/api/orders/o-17")).isEqualTo("/api/orders/{orderId}");
    }

    @Test
    void springsPatternWinsOverADeclaredTemplateAndAnAdaptersRouteOverSpringsPattern() throws Exception {
        start("/*", "/orders/{id}", (req, resp) -> {
            req.setAttribute(ViewMetricsContext.SPRING_PATTERN_ATTRIBUTE, "/orders/{orderId}");
            if (req.getParameter("adapter") != null) {
                ViewMetricsContext.of(req).setRoute("/orders/{adapterId}");
            }
        });

        assertThat(routeOf("/orders/o-17")).isEqualTo("/orders/{orderId}");
        assertThat(routeOf("/orders/o-17?adapter=yes")).isEqualTo("/orders/{adapterId}");
    }

    @Test
    void aDeclaredTemplateWinsOverAPathMapping() throws Exception {
        start("/api/*", "/api/users/{userId}", (req, resp) -> { });

        assertThat(routeOf("/api/users/42")).as("not the mapping's /api/users/{id}").isEqualTo("/api/users/{userId}");
        assertThat(routeOf("/api/teams/7")).as("undeclared: the mapping").isEqualTo("/api/teams/{id}");
    }

    @Test
    void aDeclaredTemplateWinsOverAnExactMapping() throws Exception {
        start("/status/now", "/status/{what}", (req, resp) -> { });

        assertThat(routeOf("/status/now")).as("not the mapping's /status/now").isEqualTo("/status/{what}");
    }

    /** A servlet at {@code mapping} that lets {@code report} name the request, then answers 200. */
    private void start(String mapping, String routes, BiConsumer<HttpServletRequest, HttpServletResponse> report)
            throws Exception {
        TestServer.Builder builder = TestServer.builder("").initParam("statsd.host", "127.0.0.1")
                .initParam("statsd.port", Integer.toString(agent.port()));
        if (routes != null) {
            builder.initParam("routes", routes);
        }
        server = builder.servlet(mapping, new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                report.accept(req, resp);
                resp.getWriter().write("ok");
            }
        }).start();
    }

    /** The route tag of the one request to {@code path}. */
    private String routeOf(String path) throws Exception {
        assertThat(server.get(path).statusCode()).isEqualTo(200);
        List<String> durations = server.linesBeforeEndMarker(agent).stream()
                .filter(line -> line.startsWith("view.duration:")).toList();
        assertThat(durations).as("duration lines of %s", path).hasSize(1);
        String line = durations.get(0);
        return line.substring(line.indexOf("#route:") + "#route:".length(), line.indexOf(",method:"));
    }
}
