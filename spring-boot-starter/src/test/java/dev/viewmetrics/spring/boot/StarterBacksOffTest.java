package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.spring.boot.own.OwnViewMetricsApplication;
import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the application declares viewmetrics itself, or turns it off, the starter adds nothing. */
class StarterBacksOffTest {

    @Test
    void applicationsOwnViewMetricsReplacesTheStartersBeans() throws Exception {
        try (BootApp app = BootApp.start(OwnViewMetricsApplication.class, Map.of())) {
            app.get("/orders/1");

            assertThat(app.context().getBeansOfType(ViewMetrics.class)).containsOnlyKeys("ownViewMetrics");
            assertThat(app.context().getBeansOfType(ViewMetricsFilter.class)).isEmpty();
            assertThat(app.metric("view.duration")).isNull();
        }
    }

    @Test
    void nonWebApplicationGetsNoViewMetrics() {
        try (ConfigurableApplicationContext context = new SpringApplication(ShopApplication.class)
                .run("--spring.main.web-application-type=none", "--spring.main.banner-mode=off")) {
            assertThat(context.getBeansOfType(ViewMetrics.class)).isEmpty();
            assertThat(context.getBeansOfType(ViewMetricsProperties.class)).isEmpty();
        }
    }

    @Test
    void enabledFalseTurnsTheStarterOff() throws Exception {
        try (BootApp app = BootApp.start(ShopApplication.class, Map.of(), "--viewmetrics.enabled=false")) {
            assertThat(app.get("/orders/1").statusCode()).isEqualTo(200);

            assertThat(app.context().getBeansOfType(ViewMetrics.class)).isEmpty();
            assertThat(app.context().getBeansOfType(ViewMetricsFilter.class)).isEmpty();
            assertThat(app.metric("view.duration")).isNull();
            assertThat(app.count("http.server.requests", "uri:/orders/{orderId}")).isEqualTo(1);
        }
    }

    @Test
    void enabledFalseFromTheEnvironmentTurnsTheStarterOff() throws Exception {
        try (BootApp app = BootApp.start(ShopApplication.class, Map.of("VIEWMETRICS_ENABLED", "false"))) {
            assertThat(app.get("/orders/1").statusCode()).isEqualTo(200);

            assertThat(app.context().getBeansOfType(ViewMetrics.class)).isEmpty();
            assertThat(app.metric("view.duration")).isNull();
        }
    }
}
