package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter's registry joins Micrometer's global registry, so that {@link TimingStats} outside a request (a
 * background job) reaches the application's metrics; setting {@code global-registry=false} keeps it out.
 */
class GlobalRegistryTest {

    @Test
    void webXmlApplicationsBackgroundJobReachesTheFiltersRegistry() throws Exception {
        ViewMetrics metrics;
        MeterRegistry registry;
        try (TestServer server = TestServer.builder("/plain").initParam("routes", "/users/{id}")
                .servlet("/*", Servlets.status(200)).start()) {
            server.get("/plain/users/7");
            metrics = (ViewMetrics) server.context().getServletContext().getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE);
            registry = metrics.registry();

            runInBackground(() -> TimingStats.time("nightly.cleanup", () -> Servlets.burnCpu(5)));

            assertThat(registry.get("view.duration").tag("route", "/plain/users/{id}").timer().count()).isEqualTo(1);
            assertThat(registry.get("nightly.cleanup").timer().count()).isEqualTo(1);
            assertThat(registry.get("nightly.cleanup").timer().getId().getTag("route")).isNull();
            assertThat(registry.get("nightly.cleanup.cpu").timer().count()).isEqualTo(1);
            assertThat(Metrics.globalRegistry.getRegistries()).contains(registry);
        }
        assertThat(Metrics.globalRegistry.getRegistries()).as("removed when the filter is destroyed")
                .doesNotContain(registry);
    }

    @Test
    void globalRegistryOffKeepsTheFiltersRegistryOutOfTheGlobalOne() throws Exception {
        try (TestServer server = TestServer.builder("").initParam("global-registry", "false")
                .servlet("/*", Servlets.status(200)).start()) {
            server.get("/users/7");
            MeterRegistry registry = ((ViewMetrics) server.context().getServletContext()
                    .getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE)).registry();

            runInBackground(() -> TimingStats.time("nightly.offside", () -> { }));

            assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(registry);
            assertThat(registry.find("nightly.offside").timer()).isNull();
            assertThat(registry.find("view.duration").timer()).isNotNull();
        }
    }

    @Test
    void globalRegistryOffFromTheEnvironmentVariable() {
        try (ViewMetrics metrics = ViewMetrics.builder()
                .environmentVariables(Map.of("VIEWMETRICS_GLOBAL_REGISTRY", "false")::get).build()) {
            assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(metrics.registry());
        }
    }

    @Test
    void registrySharedByTwoInstancesJoinsOnceAndLeavesWithTheLast() throws Exception {
        SimpleMeterRegistry shared = new SimpleMeterRegistry();
        ViewMetrics first = ViewMetrics.builder().registry(shared).environmentVariables(key -> null).build();
        ViewMetrics second = ViewMetrics.builder().registry(shared).environmentVariables(key -> null).build();
        try (TestServer a = TestServer.builder("/a").filter(first.filter()).servlet("/*", Servlets.status(200)).start();
                TestServer b = TestServer.builder("/b").filter(second.filter()).servlet("/*", Servlets.status(200))
                        .start()) {
            a.get("/a/x");
            b.get("/b/y");
            runInBackground(() -> TimingStats.time("shared.job", () -> { }));

            assertThat(Metrics.globalRegistry.getRegistries().stream().filter(r -> r == shared)).hasSize(1);
            assertThat(shared.get("shared.job").timer().count()).as("recorded once").isEqualTo(1);

            first.close();
            assertThat(Metrics.globalRegistry.getRegistries()).as("the second still uses it").contains(shared);
            first.close();
            assertThat(Metrics.globalRegistry.getRegistries()).as("closing twice leaves once").contains(shared);
        } finally {
            second.close();
        }
        assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(shared);
    }

    @Test
    void registryTheApplicationAddedStaysInTheGlobalOne() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        Metrics.addRegistry(own);
        try {
            ViewMetrics.builder().registry(own).environmentVariables(key -> null).build().close();

            assertThat(Metrics.globalRegistry.getRegistries()).contains(own);
        } finally {
            Metrics.removeRegistry(own);
        }
    }

    @Test
    void compositeWhoseChildIsAlreadyGlobalIsNotAddedAgainSoNothingCountsTwice() throws Exception {
        SimpleMeterRegistry child = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(child);
        Metrics.addRegistry(child); // as Spring Boot adds its registries
        try (ViewMetrics metrics = ViewMetrics.builder().registry(composite).environmentVariables(key -> null).build()) {
            runInBackground(() -> TimingStats.time("composite.job", () -> { }));

            assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(composite);
            assertThat(child.get("composite.job").timer().count()).isEqualTo(1);
            assertThat(metrics.registry()).isSameAs(composite);
        } finally {
            Metrics.removeRegistry(child);
        }
    }

    private static void runInBackground(Runnable job) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            background.submit(job).get(20, TimeUnit.SECONDS);
        } finally {
            background.shutdown();
        }
    }
}
