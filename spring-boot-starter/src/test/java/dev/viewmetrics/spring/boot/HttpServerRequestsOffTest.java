package dev.viewmetrics.spring.boot;

import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Either property the README names switches Boot's own {@code http.server.requests} off; viewmetrics stays. */
class HttpServerRequestsOffTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "--management.observations.enable.http.server.requests=false",
        "--management.metrics.enable.http.server.requests=false"})
    void bootsRequestMetricIsOffAndViewmetricsStillRecords(String property) throws Exception {
        try (BootApp app = BootApp.start(ShopApplication.class, Map.of(), property)) {
            app.get("/orders/3");

            assertThat(app.count("view.duration", "route:/orders/{orderId}")).isEqualTo(1);
            assertThat(app.metric("http.server.requests")).isNull();
        }
    }
}
