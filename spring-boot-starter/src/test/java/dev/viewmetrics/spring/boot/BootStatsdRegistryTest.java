package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.testing.UdpReceiver;
import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that configures Boot's own StatsD export ({@code management.statsd.metrics.export.*}) and no
 * {@code viewmetrics.statsd.host}: viewmetrics records into Boot's registry, and Boot's StatsD registry sends it.
 */
class BootStatsdRegistryTest {

    @Test
    void viewmetricsRecordsIntoTheStatsdRegistryBootExports() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                BootApp app = BootApp.start(ShopApplication.class, Map.of(),
                        "--management.statsd.metrics.export.host=127.0.0.1",
                        "--management.statsd.metrics.export.port=" + agent.port(),
                        "--management.statsd.metrics.export.buffered=false")) {
            app.get("/orders/12");

            String line = agent.await(l -> l.startsWith("view.duration:") && l.contains("route:/orders/{orderId}"),
                    Duration.ofSeconds(20));
            assertThat(line).contains("|ms|#").contains("service:shop").contains("environment:prod");
            assertThat(app.count("view.duration", "route:/orders/{orderId}")).isEqualTo(1);
        }
    }
}
