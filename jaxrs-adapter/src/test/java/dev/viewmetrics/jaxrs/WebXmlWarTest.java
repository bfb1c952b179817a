package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.StatsD;
import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.jaxrs.testing.Agent;
import dev.viewmetrics.jaxrs.testing.Jetty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Done as the issue defines it: a Jersey web application whose only wiring is its {@code WEB-INF/web.xml} (the
 * filter, Jersey scanning its package) plus this jar reports every request under its resource template, once.
 * The agent's registry is handed to the filter as {@code ViewMetrics.REGISTRY_ATTRIBUTE}, as an application may.
 */
class WebXmlWarTest {

    private Agent agent;
    private StatsD statsd;
    private Jetty server;

    @BeforeEach
    void start() throws Exception {
        agent = new Agent();
        statsd = StatsD.builder().host("127.0.0.1").port(agent.port()).build();
        Path webApp = Path.of(getClass().getResource("/jersey-webapp").toURI());
        server = Jetty.startWebApp("/war", webApp, Map.of(ViewMetrics.REGISTRY_ATTRIBUTE, statsd.registry()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        statsd.close();
        agent.close();
    }

    @Test
    void everyRequestOfTheWarIsReportedUnderItsResourceTemplate() throws Exception {
        assertThat(server.get("/war/api/users/alice/albums/7/photos/1").statusCode()).isEqualTo(200);
        assertThat(server.get("/war/api/orders/99").statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/war/api/invoices/3/void").statusCode()).isEqualTo(423);
        assertThat(server.get("/war/api/async/resume/5").statusCode()).isEqualTo(200);
        assertThat(server.get("/war/api/nowhere").statusCode()).isEqualTo(404);

        assertThat(agent.request("/war/api/users/{id}/albums/{albumId}/photos/{photoId}")).isEqualTo("route:/war/api"
                + "/users/{id}/albums/{albumId}/photos/{photoId},method:GET,status:200,outcome:SUCCESS,exception:none,"
                + "service:shop");
        assertThat(agent.request("/war/api/orders/{orderId}")).contains(",status:200,");
        assertThat(agent.request("/war/api/invoices/{invoiceId}/void")).contains(",exception:InvoiceLockedException");
        assertThat(agent.request("/war/api/async/resume/{jobId}")).contains(",status:200,");
        assertThat(agent.request("NOT_FOUND")).contains(",status:404,");
        assertThat(agent.linesBeforeEndMarker(server::sendEndMarker))
                    .filteredOn(line -> line.startsWith("view.duration:"))
                .as("one line per request").hasSize(5);
    }
}
