package dev.viewmetrics.spring;

import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.spring.secured.CountingLookup;
import dev.viewmetrics.spring.secured.SecuredShopInitializer;
import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected-request contract in plain Spring MVC on a real Jetty: {@code ViewMetricsSpring.register} and Spring
 * Security's {@code DelegatingFilterProxy} from a {@code WebApplicationInitializer}, root and DispatcherServlet
 * contexts, context path {@code /secure}.
 */
class SecuredSpringMvcTest extends RejectedRequestsContract {

    private final CountingLookup counting = new CountingLookup();
    private WebServer server;

    @Override
    protected AutoCloseable start(int statsdPort) throws Exception {
        Map<String, Object> properties = Map.of(
                "viewmetrics.statsd.host", "127.0.0.1",
                "viewmetrics.statsd.port", statsdPort,
                "viewmetrics.service", "secure-shop");
        server = WebServer.start("/secure", (classes, servletContext) -> {
            RouteLookup.install(servletContext, counting);
            new SecuredShopInitializer(properties).onStartup(servletContext);
        });
        return server;
    }

    @Override
    protected String contextPath() {
        return "/secure";
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Test
    void resourceHandlerRejectionIsNamedByItsPattern() throws Exception {
        assertThat(client.get(path("/static/site.css")).statusCode()).isEqualTo(401);
        assertThat(client.request("GET", path("/static/site.css")).basic("alice", "secret").send().body())
                .contains("color");

        line("GET", "/static/**", 401);
        line("GET", "/static/**", 200);
    }

    @Test
    void requestMvcServedIsNeverLookedUp() throws Exception {
        client.get(path("/products/warm-up"));
        line("GET", "/products/{slug}", 200);
        int before = counting.asked();

        for (String product : new String[] {"blue-widget", "red-widget", "7"}) {
            assertThat(client.get(path("/products/" + product)).statusCode()).isEqualTo(200);
        }
        assertThat(client.request("GET", path("/accounts/alice/settings")).basic("alice", "secret").send()
                .statusCode()).isEqualTo(200);
        assertThat(agent.all(l -> l.startsWith("view.duration:") && l.contains("status:200"),
                java.time.Duration.ofMillis(200))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(counting.asked()).as("served requests are not looked up").isEqualTo(before);

        assertThat(client.get(path("/accounts/bob/settings")).statusCode()).isEqualTo(401);
        line("GET", "/accounts/{name}/settings", 401);
        assertThat(counting.asked()).as("a rejected request is looked up once").isEqualTo(before + 1);
    }
}
