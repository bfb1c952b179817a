package dev.viewmetrics.spring;

import dev.viewmetrics.spring.shop.AsyncController;
import dev.viewmetrics.spring.shop.ShopInitializer;
import dev.viewmetrics.spring.testing.Client;
import dev.viewmetrics.spring.testing.Lines;
import dev.viewmetrics.spring.testing.UdpAgent;
import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain Spring MVC application (root and DispatcherServlet contexts, filter from {@code getServletFilters()}) in a
 * real Jetty at context path {@code /shop}, sending real StatsD lines over UDP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatcherServletMetricsTest {

    private UdpAgent agent;
    private WebServer server;

    @BeforeAll
    void start() throws Exception {
        agent = new UdpAgent();
        Map<String, Object> properties = Map.of(
                "viewmetrics.statsd.host", "127.0.0.1",
                "viewmetrics.statsd.port", agent.port(),
                "viewmetrics.service", "shop",
                "viewmetrics.environment", "test");
        server = WebServer.start("/shop", (classes, servletContext) ->
                new ShopInitializer("/", properties).onStartup(servletContext));
    }

    /** Lines of earlier tests (the agent is shared) are forgotten: each test sees only what its requests sent. */
    @BeforeEach
    void forgetEarlierLines() throws Exception {
        agent.startAfterEndMarker(this::endMarker);
    }

    private void endMarker() throws Exception {
        assertThat(server.get("/shop" + UdpAgent.END_MARKER).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    @Test
    void annotatedControllerIsNamedByItsMappingTemplate() throws Exception {
        assertThat(server.get("/shop/orders/1234/items/77").statusCode()).isEqualTo(200);

        String line = agent.duration("/shop/orders/{orderId}/items/{itemId}");
        assertThat(Lines.tags(line)).isEqualTo("route:/shop/orders/{orderId}/items/{itemId},method:GET,status:200,"
                + "outcome:SUCCESS,exception:none,service:shop,environment:test");
        assertThat(agent.cpu("/shop/orders/{orderId}/items/{itemId}")).contains("method:GET,status:200");
    }

    @Test
    void methodIsPartOfTheName() throws Exception {
        server.send("POST", "/shop/orders");

        assertThat(agent.duration("/shop/orders")).contains("method:POST,status:200");
    }

    @Test
    void functionalRoutesAreNamedByTheirPatterns() throws Exception {
        assertThat(server.get("/shop/customers/c-981").body()).isEqualTo("customer");
        assertThat(server.get("/shop/teams/5/members/6").body()).isEqualTo("member");

        assertThat(agent.duration("/shop/customers/{customerId}")).contains("status:200");
        assertThat(agent.duration("/shop/teams/{teamId}/members/{memberId}")).contains("status:200");
    }

    @Test
    void resourceHandlerIsNamedByItsPattern() throws Exception {
        assertThat(server.get("/shop/static/site.css").body()).contains("color");

        assertThat(agent.duration("/shop/static/**")).contains("method:GET,status:200,outcome:SUCCESS");
    }

    @Test
    void missingResourceIsNotFoundNotTheResourcePattern() throws Exception {
        assertThat(server.get("/shop/static/missing-5551.css").statusCode()).isEqualTo(404);

        assertThat(Lines.tags(agent.duration("NOT_FOUND")))
                .startsWith("route:NOT_FOUND,method:GET,status:404,outcome:CLIENT_ERROR,exception:none,");
    }

    @Test
    void forwardKeepsTheRouteTheClientCalled() throws Exception {
        assertThat(server.get("/shop/orders/legacy/31").body()).isEqualTo("order 31");

        assertThat(agent.duration("/shop/orders/legacy/{orderId}")).contains("status:200");
        assertThat(agent.linesBeforeEndMarker(this::endMarker)).filteredOn(line -> line.startsWith("view.duration:"))
                .singleElement().asString().contains("#route:/shop/orders/legacy/{orderId},");
    }

    @Test
    void filtersAnsweringBeforeTheDispatcherServletAreMeasuredAndNeverUnknown() throws Exception {
        assertThat(server.get("/shop/admin/users/4711").statusCode()).isEqualTo(401);
        assertThat(server.get("/shop/login").body()).isEqualTo("login page");

        // no handler serves /admin/**: a rejected path nothing serves is NOT_FOUND; the login page has its template
        assertThat(agent.duration("NOT_FOUND")).contains("status:401,outcome:CLIENT_ERROR");
        assertThat(agent.duration("/shop/login")).contains("status:200");
        assertThat(agent.linesBeforeEndMarker(this::endMarker)).noneMatch(line -> line.contains("UNKNOWN")
                || line.contains("4711"));
    }

    @Test
    void filterFromGetServletFiltersAnsweringByItselfIsNamedByTheHandlerTemplate() throws Exception {
        Client client = new Client(server.base());
        assertThat(client.request("GET", "/shop/orders/alice").header("X-Maintenance", "on").send().statusCode())
                .isEqualTo(503);
        assertThat(client.request("GET", "/shop/teams/blue-team/members/9").header("X-Maintenance", "on").send()
                .statusCode()).isEqualTo(503);

        assertThat(agent.duration("/shop/orders/{orderId}")).contains("method:GET,status:503,outcome:SERVER_ERROR");
        assertThat(agent.duration("/shop/teams/{teamId}/members/{memberId}")).contains("method:GET,status:503,");
        assertThat(agent.linesBeforeEndMarker(this::endMarker)).noneMatch(line -> line.contains("alice")
                || line.contains("blue-team"));
        agent.clear(); // other tests look for the first line of these routes
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/payments/{paymentId},  /payments/p-1, 402, PaymentDeclinedException",
            "/refunds/{refundId},    /refunds/r-2,  404, RefundNotFoundException",
            "/limits/{accountId},    /limits/a-3,   429, ResponseStatusException",
            "/quotas/{accountId},    /quotas/a-4,   409, ErrorResponseException",
            "/receipts/{receiptId},  /receipts/x-5, 503, ReceiptUnavailableException",
            "/ledger/{entryId},      /ledger/e-6,   500, IllegalStateException",
    })
    void handledAndUnhandledExceptionsAppearInTheExceptionTag(String route, String path, int status, String exception)
            throws Exception {
        assertThat(server.get("/shop" + path).statusCode()).isEqualTo(status);

        assertThat(agent.duration("/shop" + route)).contains(",status:" + status + ",")
                .contains(",exception:" + exception + ",");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/async/callable/{jobId},  /async/callable/1, 200",
            "/async/deferred/{jobId},  /async/deferred/2, 200",
            "/async/task/{jobId},      /async/task/3,     200",
            "/async/future/{jobId},    /async/future/4,   202",
            "/async/events/{jobId},    /async/events/5,   200",
            "/async/stream/{jobId},    /async/stream/6,   200",
    })
    void asyncRequestsAreTimedToCompletionAndRecordedOnce(String route, String path, int status) throws Exception {
        HttpResponse<String> response = server.get("/shop" + path);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(path.substring(path.lastIndexOf('/') + 1));

        String duration = agent.duration("/shop" + route);
        assertThat(duration).contains(",status:" + status + ",").contains(",exception:none,");
        assertThat(Lines.millis(duration)).isGreaterThanOrEqualTo(AsyncController.DELAY_MILLIS);
        List<String> lines = agent.linesBeforeEndMarker(this::endMarker);
        assertThat(lines).filteredOn(line -> line.startsWith("view.duration:")).singleElement().asString()
                .contains("#route:/shop" + route + ",");
        assertThat(lines).filteredOn(line -> line.startsWith("view.cpu:")).singleElement().asString()
                .contains("#route:/shop" + route + ",");
    }

    @Test
    void exceptionHandledAfterAsyncProcessingAppearsInTheExceptionTag() throws Exception {
        assertThat(server.get("/shop/async/failing/9").statusCode()).isEqualTo(504);

        String line = agent.duration("/shop/async/failing/{jobId}");
        assertThat(line).contains(",status:504,outcome:SERVER_ERROR,exception:BackendTimeoutException,");
        assertThat(Lines.millis(line)).isGreaterThanOrEqualTo(AsyncController.DELAY_MILLIS);
    }

    @Test
    void asyncCpuCountsBothDispatchesButNotTheWorkerThread() throws Exception {
        String path = "/shop/async/work/7?cpu=80&workerCpu=400&asyncDispatchCpu=80";
        server.get(path); // warm up: the first async request loads classes on the request threads
        agent.cpu("/shop/async/work/{jobId}");
        agent.clear();

        assertThat(server.get(path).body()).isEqualTo("worked 7");

        double cpu = Lines.millis(agent.cpu("/shop/async/work/{jobId}"));
        double wall = Lines.millis(agent.duration("/shop/async/work/{jobId}"));
        assertThat(cpu).as("80 ms on the request dispatch + 80 ms on the async dispatch").isBetween(155.0, 390.0);
        assertThat(wall).as("wall time includes the worker's 400 ms").isGreaterThanOrEqualTo(550.0);
    }
}
