package dev.viewmetrics.spring.boot;

import dev.viewmetrics.spring.boot.customized.CustomizedShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's {@code ViewMetricsCustomizer} runs after the properties, so what it sets wins. */
class ViewMetricsCustomizerTest {

    @Test
    void customizerRunsAfterThePropertiesAndWins() throws Exception {
        try (BootApp app = BootApp.start(CustomizedShopApplication.class, Map.of(),
                "--viewmetrics.exclude=/orders/1", "--viewmetrics.version=4.2")) {
            app.get("/orders/1");
            app.get("/orders/internal");
            app.get("/orders/internal/audit");

            assertThat(app.count("view.duration", "route:/orders/{orderId}"))
                    .as("the customizer's exclude replaced the property's").isEqualTo(1);
            assertThat(app.tagValues("view.duration", "version")).as("the other properties still apply")
                    .containsExactly("4.2");
        }
    }
}
