package dev.viewmetrics.spring;

import dev.viewmetrics.spring.shop.ShopInitializer;
import dev.viewmetrics.spring.testing.Client;
import dev.viewmetrics.spring.testing.UdpAgent;
import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A DispatcherServlet mapped to {@code /api/*}: Spring's patterns are relative to it, routes include the prefix. */
class PathMappedDispatcherServletTest {

    private UdpAgent agent;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        agent = new UdpAgent();
        Map<String, Object> properties = Map.of(
                "viewmetrics.statsd.host", "127.0.0.1", "viewmetrics.statsd.port", agent.port());
        server = WebServer.start("", (classes, servletContext) ->
                new ShopInitializer("/api/*", properties).onStartup(servletContext));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    @Test
    void routesOfAPathMappedDispatcherServletIncludeItsServletPath() throws Exception {
        assertThat(server.get("/api/orders/5/items/6").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/customers/c-77").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/static/site.css").statusCode()).isEqualTo(200);

        assertThat(agent.duration("/api/orders/{orderId}/items/{itemId}")).contains("status:200");
        assertThat(agent.duration("/api/customers/{customerId}")).contains("status:200");
        assertThat(agent.duration("/api/static/**")).contains("status:200");
    }

    @Test
    void rejectedRequestIsNamedByTheTemplateUnderTheServletPath() throws Exception {
        Client client = new Client(server.base());
        assertThat(client.request("GET", "/api/orders/alice").header("X-Maintenance", "on").send().statusCode())
                .isEqualTo(503);

        assertThat(agent.duration("/api/orders/{orderId}")).contains("method:GET,status:503,");
    }

    @Test
    void pathSpringMatchesNothingUnderTheServletPathIsNotFoundNotTheMapping() throws Exception {
        assertThat(server.get("/api/no/such/page").statusCode()).isEqualTo(404);

        assertThat(agent.duration("NOT_FOUND")).contains("method:GET,status:404,");
    }
}
