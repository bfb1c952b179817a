package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.testing.RawHttp;
import dev.viewmetrics.jaxrs.shop.AsyncResource;
import dev.viewmetrics.jaxrs.shop.ShopMappers;
import dev.viewmetrics.jaxrs.testing.Agent;
import dev.viewmetrics.jaxrs.testing.Jetty;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every supported Jakarta REST runtime must follow, proved on real StatsD lines: the shop deployed as in
 * {@code web.xml} (the filter, then the runtime's servlet at {@code /api/*}) in context {@code /app}, with nothing of
 * viewmetrics registered in the application. Each runtime's test extends this with its servlet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JaxrsRoutesContract {

    private Agent agent;
    private Jetty server;

    /** Adds the runtime's servlet serving {@code dev.viewmetrics.jaxrs.shop.ShopApplication} at {@code /api/*}. */
    abstract WebApp withRuntime(WebApp app);

    @BeforeAll
    void start() throws Exception {
        agent = new Agent();
        server = Jetty.start("/app", withRuntime(WebApp.sendingTo(agent.port())));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    Agent agent() {
        return agent;
    }

    Jetty server() {
        return server;
    }

    @BeforeEach
    void forgetEarlierLines() {
        agent.clear();
    }

    @Test
    void wordAndNumberPathValuesAreNamedByTheResourceTemplate() throws Exception {
        assertThat(server.get("/app/api/users/alice").body()).isEqualTo("user alice");
        assertThat(server.get("/app/api/users/918273").body()).isEqualTo("user 918273");

        assertThat(agent.request("/app/api/users/{id}"))
                .isEqualTo("route:/app/api/users/{id},method:GET,status:200,outcome:SUCCESS,exception:none");
        assertThat(agent.linesBeforeEndMarker(server::sendEndMarker))
                    .filteredOn(line -> line.startsWith("view.duration:"))
                .hasSize(2).extracting(line -> line.substring(line.indexOf("|#")))
                .noneMatch(tags -> tags.contains("alice") || tags.contains("918273"));
    }

    @Test
    void nestedSubResourceLocatorsJoinEveryTemplateInOrder() throws Exception {
        assertThat(server.get("/app/api/users/alice/albums/summer/photos/7").body())
                .isEqualTo("photo 7 of summer");
        assertThat(server.get("/app/api/users/alice/albums/summer/photos").body()).isEqualTo("photos of summer");
        assertThat(server.get("/app/api/users/bob/albums/9").body()).isEqualTo("album 9 of bob");

        assertThat(agent.request("/app/api/users/{id}/albums/{albumId}/photos/{photoId}")).contains(",status:200,");
        assertThat(agent.request("/app/api/users/{id}/albums/{albumId}/photos")).contains(",status:200,");
        assertThat(agent.request("/app/api/users/{id}/albums/{albumId}")).contains(",status:200,");
    }

    @Test
    void theLocatorTheRuntimeTookNamesTheRouteWhereTwoLeadToTheSameResource() throws Exception {
        assertThat(server.get("/app/api/users/me/albums/3").body()).isEqualTo("album 3 of me");
        assertThat(server.get("/app/api/users/me/albums/3/photos/4").body()).isEqualTo("photo 4 of 3");

        assertThat(agent.request("/app/api/users/me/albums/{albumId}")).contains(",status:200,");
        assertThat(agent.request("/app/api/users/me/albums/{albumId}/photos/{photoId}")).contains(",status:200,");
    }

    @Test
    void regularExpressionsAndExtraSlashesAreStrippedFromTemplates() throws Exception {
        assertThat(server.get("/app/api/orders/1234").body()).isEqualTo("order 1234");
        assertThat(server.get("/app/api/orders/ABC-17").body()).isEqualTo("order ABC-17");
        assertThat(server.send("POST", "/app/api/orders").statusCode()).isEqualTo(201);

        assertThat(agent.request("/app/api/orders/{orderId}")).contains(",status:200,");
        assertThat(agent.request("/app/api/orders/{code}-{seq}")).contains(",status:200,");
        assertThat(agent.request("/app/api/orders")).contains(",method:POST,status:201,");
    }

    @Test
    void matrixParametersAreIgnored() throws Exception {
        assertThat(server.get("/app/api/users/carol;lang=is").statusCode()).isEqualTo(200);

        assertThat(agent.request("/app/api/users/{id}")).contains(",status:200,");
        assertThat(agent.linesBeforeEndMarker(server::sendEndMarker)).noneMatch(line -> line.contains("lang"));
    }

    @Test
    void exceptionMappedByTheApplicationIsTaggedWithTheMappedStatus() throws Exception {
        assertThat(server.send("POST", "/app/api/invoices/INV-7/void").statusCode()).isEqualTo(423);

        assertThat(agent.request("/app/api/invoices/{invoiceId}/void")).isEqualTo("route:/app/api/invoices/"
                + "{invoiceId}/void,method:POST,status:423,outcome:CLIENT_ERROR,exception:InvoiceLockedException");
    }

    @Test
    void notFoundExceptionThrownByAResourceKeepsItsRouteAndIsTagged() throws Exception {
        HttpResponse<String> response = server.get("/app/api/invoices/INV-404");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(ShopMappers.NOT_FOUND_BODY);

        assertThat(agent.request("/app/api/invoices/{invoiceId}"))
                .contains(",status:404,outcome:CLIENT_ERROR,exception:NotFoundException");
    }

    @Test
    void exceptionOfTheDefaultMapperIsTaggedAsAServerError() throws Exception {
        assertThat(server.get("/app/api/invoices/INV-9/pdf").statusCode()).isEqualTo(500);

        assertThat(agent.request("/app/api/invoices/{invoiceId}/pdf"))
                .contains(",status:500,outcome:SERVER_ERROR,exception:IllegalStateException");
    }

    @Test
    void theRuntimesOwnNotFoundIsNotFoundNotTheServletMapping() throws Exception {
        HttpResponse<String> response = server.get("/app/api/no/such/resource");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).as("the application's NotFoundException mapper still answers")
                .isEqualTo(ShopMappers.NOT_FOUND_BODY);

        assertThat(agent.request("NOT_FOUND"))
                .isEqualTo("route:NOT_FOUND,method:GET,status:404,outcome:CLIENT_ERROR,exception:none");
        assertThat(agent.linesBeforeEndMarker(server::sendEndMarker)).noneMatch(line -> line.contains("/api/*"));
    }

    @Test
    void aMethodNotAllowedIsNamedByTheTemplateItsPathMatched() throws Exception {
        assertThat(server.send("DELETE", "/app/api/users/dave").statusCode()).isEqualTo(405);

        assertThat(agent.request("/app/api/users/{id}"))
                .isEqualTo("route:/app/api/users/{id},method:DELETE,status:405,outcome:CLIENT_ERROR,exception:none");
    }

    @Test
    void aMethodNotAllowedBehindLocatorsIsNamedByTheTemplateItsPathMatched() throws Exception {
        assertThat(server.send("DELETE", "/app/api/users/zqx/albums/3/photos/4").statusCode()).isEqualTo(405);

        assertThat(agent.request("/app/api/users/{id}/albums/{albumId}/photos/{photoId}"))
                .contains(",method:DELETE,status:405,outcome:CLIENT_ERROR,exception:none");
        assertThat(agent.linesBeforeEndMarker(server::sendEndMarker)).noneMatch(line -> line.contains("zqx"));
    }

    @Test
    void aPreMatchingFilterStillRejectsAndTheRejectionIsNamedByTheTemplate() throws Exception {
        assertThat(server.send("GET", "/app/api/orders/55", "X-Block", "yes").statusCode()).isEqualTo(403);

        assertThat(agent.request("/app/api/orders/{orderId}")).contains(",status:403,outcome:CLIENT_ERROR,");
    }

    @Test
    void asyncResponseIsTimedToTheResume() throws Exception {
        assertThat(server.get("/app/api/async/resume/j1").body()).isEqualTo("done j1");

        assertThat(agent.request("/app/api/async/resume/{jobId}")).contains(",status:200,");
        assertThat(agent.millis("/app/api/async/resume/{jobId}")).isGreaterThanOrEqualTo(AsyncResource.DELAY_MILLIS);
    }

    @Test
    void completionStageIsTimedToItsCompletion() throws Exception {
        assertThat(server.get("/app/api/async/stage/j2").body()).isEqualTo("staged j2");

        assertThat(agent.millis("/app/api/async/stage/{jobId}")).isGreaterThanOrEqualTo(AsyncResource.DELAY_MILLIS);
    }

    @Test
    void timedOutAsyncResponseKeepsItsRoute() throws Exception {
        assertThat(server.get("/app/api/async/timeout/j3").statusCode()).isEqualTo(503);

        assertThat(agent.request("/app/api/async/timeout/{jobId}")).contains(",status:503,outcome:SERVER_ERROR,");
        assertThat(agent.millis("/app/api/async/timeout/{jobId}")).isGreaterThanOrEqualTo(AsyncResource.DELAY_MILLIS);
    }

    @Test
    void cancelledAsyncResponseKeepsItsRoute() throws Exception {
        assertThat(server.get("/app/api/async/cancel/j4").statusCode()).isEqualTo(503);

        assertThat(agent.request("/app/api/async/cancel/{jobId}")).contains(",status:503,outcome:SERVER_ERROR,");
    }

    @Test
    void hostilePathsNeverReachTheLines() throws Exception {
        List<String> heads = List.of(
                "GET /app/api/users/zqx1%0Aview.duration:1%7Cms HTTP/1.1",
                "GET /app/api/users/zqx2;zqx3=%7Bid%7D HTTP/1.1",
                "GET /app/api/zqx4/%7Bid%7D/%2e%2e/users HTTP/1.1",
                "GET /app/api/users/zqx5/albums/zqx6/photos/zqx7 HTTP/1.1",
                "DELETE /app/api/orders/zqx8%23tag:x HTTP/1.1",
                "GET /app/api/users/%C3%A9zqx9 HTTP/1.1");
        for (String head : heads) {
            assertThat(RawHttp.send(server.base(), head)).as(head).startsWith("HTTP/1.1 ");
        }
        assertThat(server.get("/app/api/users/fence").statusCode()).isEqualTo(200);
        agent.request("/app/api/users/{id}");

        List<String> lines = agent.linesBeforeEndMarker(server::sendEndMarker);
        assertThat(lines).filteredOn(line -> line.startsWith("view.duration:")).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(line -> line.matches("view\\.duration:[0-9.]+\\|ms\\|#route:[^,]+,method:[A-Z]+,.*"));
        assertThat(lines).noneMatch(line -> line.contains("zqx"));
    }
}
