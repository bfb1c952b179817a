package dev.viewmetrics.spring;

import dev.viewmetrics.spring.shop.AsyncController;
import dev.viewmetrics.spring.testing.Lines;
import dev.viewmetrics.spring.testing.UdpAgent;
import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented {@code web.xml} registration: a {@code DelegatingFilterProxy} named {@code viewMetricsFilter} on
 * {@code /*} for REQUEST and ASYNC, the root context configured by {@code @EnableViewMetrics}; settings come from
 * {@code <context-param>}s.
 */
class WebXmlDeploymentTest {

    private UdpAgent agent;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        agent = new UdpAgent();
        Path webApp = Path.of(getClass().getResource("/webapp").toURI());
        server = WebServer.startWebApp("/legacy", webApp, Map.of(
                "viewmetrics.statsd.host", "127.0.0.1",
                "viewmetrics.statsd.port", Integer.toString(agent.port())));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    @Test
    void delegatingFilterProxyInWebXmlMeasuresTheApplication() throws Exception {
        assertThat(server.get("/legacy/orders/88/items/3").statusCode()).isEqualTo(200);

        assertThat(Lines.tags(agent.duration("/legacy/orders/{orderId}/items/{itemId}")))
                .isEqualTo("route:/legacy/orders/{orderId}/items/{itemId},method:GET,status:200,outcome:SUCCESS,"
                        + "exception:none,service:legacy-shop");
    }

    @Test
    void asyncRequestIsTimedToCompletion() throws Exception {
        assertThat(server.get("/legacy/async/deferred/12").body()).isEqualTo("deferred 12");

        assertThat(Lines.millis(agent.duration("/legacy/async/deferred/{jobId}")))
                .isGreaterThanOrEqualTo(AsyncController.DELAY_MILLIS);
    }
}
