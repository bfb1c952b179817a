package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Applications sharing one registry through the servlet context, and the switch that turns measuring off. */
class SharedRegistryTest {

    @Test
    void webXmlFilterUsesTheContextsRegistryAndPublishesItsMetrics() throws Exception {
        SimpleMeterRegistry shared = new SimpleMeterRegistry();
        try (TestServer server = TestServer.builder("/plain").initParam("routes", "/users/{id}")
                .contextAttribute(ViewMetrics.REGISTRY_ATTRIBUTE, shared)
                .servlet("/*", Servlets.status(200)).start()) {
            server.get("/plain/users/1");

            Object published = server.context().getServletContext().getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE);
            assertThat(published).isInstanceOf(ViewMetrics.class);
            assertThat(((ViewMetrics) published).registry()).isSameAs(shared);
        }
        assertThat(shared.get("view.duration").tag("route", "/plain/users/{id}").timer().count()).isEqualTo(1);
    }

    @Test
    void applicationsSharingARegistryShareTheInFlightGauge() throws Exception {
        SimpleMeterRegistry shared = new SimpleMeterRegistry();
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        HttpServlet waiting = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req,
                    HttpServletResponse resp) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ViewMetrics first = ViewMetrics.builder().registry(shared).environmentVariables(key -> null).build();
        ViewMetrics second = ViewMetrics.builder().registry(shared).environmentVariables(key -> null).build();
        try (TestServer a = TestServer.builder("/a").filter(first.filter()).servlet("/*", waiting).start();
                TestServer b = TestServer.builder("/b").filter(second.filter()).servlet("/*", waiting).start()) {
            CompletableFuture<?> inA = CompletableFuture.runAsync(
                    () -> get(a, "/a/x"));
            CompletableFuture<?> inB = CompletableFuture.runAsync(
                    () -> get(b, "/b/y"));
            inside.await();
            assertThat(shared.get("view.active").tag("method", "GET").gauge().value()).isEqualTo(2.0);
            release.countDown();
            inA.get();
            inB.get();
        }
        assertThat(shared.get("view.active").tag("method", "GET").gauge().value()).isZero();
    }

    @Test
    void disabledMetricsPassRequestsStraightThrough() throws Exception {
        SimpleMeterRegistry shared = new SimpleMeterRegistry();
        ViewMetrics off = ViewMetrics.builder().registry(shared).environmentVariables(
                Map.of("VIEWMETRICS_ENABLED", "false")::get).build();
        try (TestServer server = TestServer.builder("").filter(off.filter())
                .servlet("/*", Servlets.status(200)).start()) {
            assertThat(server.get("/users/1").statusCode()).isEqualTo(200);
        }
        assertThat(shared.find("view.duration").timers()).isEmpty();
        assertThat(shared.find("view.active").gauges()).isEmpty();
    }

    private static void get(TestServer server, String path) {
        try {
            server.get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
