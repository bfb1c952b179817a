package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** cpu-sample-every=N measures CPU time on about one request in N, and what it measures stays true. */
class CpuSamplingTest {

    private static final int REQUESTS = 400;

    @Test
    void oneRequestInNHasItsCpuTimeMeasuredAndWallTimeIsAlwaysRecorded() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).routes("/work/{id}")
                .environmentVariables(Map.of("VIEWMETRICS_CPU_SAMPLE_EVERY", "4")::get).build();
        try (TestServer server = TestServer.builder("").filter(metrics.filter()).servlet("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                Servlets.burnCpu(1);
            }
        }).start()) {
            for (int i = 0; i < REQUESTS; i++) {
                server.get("/work/" + i);
            }
        }

        Timer wall = registry.get("view.duration").tag("route", "/work/{id}").timer();
        Timer cpu = registry.get("view.cpu").tag("route", "/work/{id}").timer();
        assertThat(wall.count()).isEqualTo(REQUESTS);
        assertThat(cpu.count()).as("about a quarter of %d requests", REQUESTS).isBetween(50L, 160L);
        assertThat(cpu.mean(TimeUnit.MILLISECONDS)).as("a sampled request's CPU time is its whole CPU time")
                .isGreaterThanOrEqualTo(1.0);
    }
}
