package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.TimingStats;
import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start: a Spring Boot application with the starter on its classpath, no viewmetrics code, and the two
 * properties of its {@code application.properties}; the numbers are read back over HTTP from Boot's actuator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootStarterTest {

    private BootApp app;

    @BeforeAll
    void start() {
        app = BootApp.start(ShopApplication.class, Map.of());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void requestsShowInTheActuatorByRouteTemplateWithTheGlobalTags() throws Exception {
        assertThat(app.get("/orders/1001").body()).isEqualTo("order 1001");
        assertThat(app.get("/orders/1002").statusCode()).isEqualTo(200);

        assertThat(app.count("view.duration", "route:/orders/{orderId}", "method:GET", "status:200",
                "outcome:SUCCESS", "exception:none", "service:shop", "environment:prod"))
                .as("each request recorded once").isEqualTo(2);
        assertThat(app.tagValues("view.duration", "route")).doesNotContain("/orders/1001", "/orders/1002");
    }

    @Test
    void globalTagsComeFromApplicationProperties() throws Exception {
        app.get("/orders/7");

        assertThat(app.tagValues("view.duration", "service")).containsExactly("shop");
        assertThat(app.tagValues("view.duration", "environment")).containsExactly("prod");
        assertThat(app.tagValues("view.duration", "version")).isEmpty();
    }

    @Test
    void cpuTimeOfEachRequestIsInTheActuator() throws Exception {
        app.get("/work/cpu?ms=1"); // class loading on the request threads
        double before = app.statistic("view.cpu", "TOTAL_TIME", "route:/work/cpu");

        assertThat(app.get("/work/cpu?ms=60").statusCode()).isEqualTo(200);

        double cpuSeconds = app.statistic("view.cpu", "TOTAL_TIME", "route:/work/cpu") - before;
        assertThat(cpuSeconds).as("the 60 ms the handler burnt, in seconds").isGreaterThanOrEqualTo(0.058);
        assertThat(app.statistic("view.duration", "TOTAL_TIME", "route:/work/cpu"))
                .isGreaterThanOrEqualTo(cpuSeconds);
    }

    @Test
    void timingStatsOutsideARequestReachesBootsRegistry() throws Exception {
        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        try {
            scheduler.submit(() -> TimingStats.time("nightly.report", () -> { })).get(20, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdown();
        }

        assertThat(app.count("nightly.report")).isEqualTo(1);
        assertThat(app.count("nightly.report.cpu")).isEqualTo(1);
    }

    @Test
    void bootsOwnHttpServerRequestsStillRunsBeside() throws Exception {
        app.get("/orders/99");

        assertThat(app.count("http.server.requests", "uri:/orders/{orderId}")).isPositive();
        assertThat(app.count("view.duration", "route:/orders/{orderId}")).isPositive();
    }

    @Test
    void oneViewMetricsOneFilterOneRegistration() {
        assertThat(app.context().getBeansOfType(ViewMetrics.class)).hasSize(1);
        assertThat(app.context().getBeansOfType(ViewMetricsFilter.class)).hasSize(1);
        assertThat(app.context().getBeansOfType(FilterRegistrationBean.class).values())
                .filteredOn(registration -> registration.getFilter() instanceof ViewMetricsFilter).hasSize(1);
    }
}
