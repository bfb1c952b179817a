package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.testing.UdpReceiver;
import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code viewmetrics.statsd.host} set (here as {@code VIEWMETRICS_STATSD_HOST}, relaxed binding) viewmetrics
 * sends through its own connection to that agent, not into Boot's registry.
 */
class StatsdHostTest {

    @Test
    void ownConnectionSendsToTheAgentTheEnvironmentNames() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                BootApp app = BootApp.start(ShopApplication.class, Map.of(
                        "VIEWMETRICS_STATSD_HOST", "127.0.0.1",
                        "VIEWMETRICS_STATSD_PORT", Integer.toString(agent.port())))) {
            app.get("/orders/12");

            String line = agent.await(l -> l.startsWith("view.duration:") && l.contains("#route:/orders/{orderId},"),
                    Duration.ofSeconds(20));
            assertThat(line).endsWith("|#route:/orders/{orderId},method:GET,status:200,outcome:SUCCESS,"
                    + "exception:none,service:shop,environment:prod");
            assertThat(app.metric("view.duration")).as("not in Boot's registry").isNull();
        }
    }
}
