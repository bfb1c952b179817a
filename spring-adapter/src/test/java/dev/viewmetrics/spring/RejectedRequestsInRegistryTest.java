package dev.viewmetrics.spring;

import dev.viewmetrics.spring.secured.SecuredShopInitializer;
import dev.viewmetrics.spring.testing.Client;
import dev.viewmetrics.spring.testing.WebServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a StatsD agent, viewmetrics records into the application's {@code MeterRegistry} bean: a request Spring
 * Security rejected is there under its handler's template too, next to the 200s, in the secured plain Spring MVC
 * shop on a real Jetty.
 */
class RejectedRequestsInRegistryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebServer.start("/reg", (classes, servletContext) ->
                new SecuredShopInitializer(Map.of("viewmetrics.cpu-time", "false"), registry).onStartup(servletContext));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void rejectedRequestIsRecordedUnderItsHandlersTemplate() throws Exception {
        Client client = new Client(server.base());
        assertThat(client.get("/reg/accounts/alice/settings").statusCode()).isEqualTo(401);
        assertThat(client.request("GET", "/reg/accounts/alice/settings").basic("alice", "secret").send()
                .statusCode()).isEqualTo(200);

        assertThat(durations("401").count()).isEqualTo(1);
        assertThat(durations("200").count()).isEqualTo(1);
        assertThat(registry.find("view.duration").timers()).allSatisfy(timer ->
                assertThat(timer.getId().getTag("route")).isEqualTo("/reg/accounts/{name}/settings"));
    }

    /** The timer of {@code status} once it counted, polled for up to 10 s: a request is recorded after its response. */
    private Timer durations(String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Timer timer = find(status);
        while (timer == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
            timer = find(status);
        }
        assertThat(timer).as("view.duration of status " + status + " in " + registry.getMetersAsString()).isNotNull();
        return timer;
    }

    private Timer find(String status) {
        Timer timer = registry.find("view.duration").tag("route", "/reg/accounts/{name}/settings")
                .tag("status", status).timer();
        return timer != null && timer.count() > 0 ? timer : null;
    }
}
