package dev.viewmetrics.spring.boot;

import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environment variables (injected into the application's environment, not read from this process) configure the
 * starter through Boot's relaxed binding, above {@code application.properties}.
 */
class EnvironmentVariablesTest {

    @Test
    void environmentVariablesAddAndOverrideGlobalTagsAndTypedSettings() throws Exception {
        try (BootApp app = BootApp.start(ShopApplication.class, Map.of(
                "VIEWMETRICS_VERSION", "2.7.1",
                "VIEWMETRICS_ENVIRONMENT", "staging",
                "VIEWMETRICS_CPU_TIME", "false"))) {
            app.get("/orders/5");

            assertThat(app.count("view.duration", "route:/orders/{orderId}", "service:shop", "environment:staging",
                    "version:2.7.1")).isEqualTo(1);
            assertThat(app.count("view.cpu", "route:/orders/{orderId}")).as("VIEWMETRICS_CPU_TIME=false").isZero();
            ViewMetricsProperties properties = app.context().getBean(ViewMetricsProperties.class);
            assertThat(properties.cpuTime()).isFalse();
            assertThat(properties.environment()).isEqualTo("staging");
        }
    }
}
