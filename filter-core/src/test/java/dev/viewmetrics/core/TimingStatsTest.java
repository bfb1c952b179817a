package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Block timing inside and outside requests. */
class TimingStatsTest {

    @Test
    void blockInsideARequestCarriesTheRequestsRouteAndGlobalTags() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).service("shop").routes("/home/{user}")
                .environmentVariables(key -> null).build();
        try (TestServer server = TestServer.builder("").filter(metrics.filter()).servlet("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                try (TimingStats outer = TimingStats.start("home.feed")) {
                    TimingStats.time("home.feed.ads", () -> Servlets.burnCpu(30));
                    Servlets.burnCpu(20);
                }
                resp.getWriter().write("ok");
            }
        }).start()) {
            server.get("/home/alice");
        }

        Timer feed = registry.get("home.feed").tag("route", "/home/{user}").tag("service", "shop").timer();
        Timer feedCpu = registry.get("home.feed.cpu").tag("route", "/home/{user}").timer();
        Timer ads = registry.get("home.feed.ads").tag("route", "/home/{user}").timer();
        assertThat(feed.count()).isEqualTo(1);
        assertThat(ads.count()).isEqualTo(1);
        assertThat(feed.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(ads.totalTime(TimeUnit.MILLISECONDS));
        assertThat(feedCpu.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(45.0);
    }

    @Test
    void blockOutsideARequestGoesToTheGlobalRegistryWithoutRoute() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            String result = TimingStats.time("nightly.job", () -> "done");
            assertThat(result).isEqualTo("done");
        } finally {
            Metrics.removeRegistry(registry);
        }

        Timer job = registry.get("nightly.job").timer();
        assertThat(job.count()).isEqualTo(1);
        assertThat(job.getId().getTag("route")).isNull();
        assertThat(registry.get("nightly.job.cpu").timer().count()).isEqualTo(1);
    }

    @Test
    void closingTwiceRecordsOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            TimingStats block = TimingStats.start("twice", "kind", "test");
            block.close();
            block.close();
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertThat(registry.get("twice").tag("kind", "test").timer().count()).isEqualTo(1);
    }
}
