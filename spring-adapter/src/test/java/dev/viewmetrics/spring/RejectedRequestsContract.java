package dev.viewmetrics.spring;

import dev.viewmetrics.spring.secured.CountingLookup;
import dev.viewmetrics.spring.secured.SecurityConfig;
import dev.viewmetrics.spring.testing.Client;
import dev.viewmetrics.spring.testing.UdpAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every secured Spring application must see on the wire, whichever way it registers viewmetrics and Spring
 * Security: a request rejected before its handler ran (Spring Security, a filter answering by itself, Spring MVC's
 * own refusals) is named by the template of the handler it was meant for, on the same route as the 200 — never a
 * raw path value, never a normalised {@code {id}} twin, never {@code UNKNOWN} or {@code /error}. The application is
 * the shop of package {@code secured} behind {@link SecurityConfig}; real StatsD lines over UDP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RejectedRequestsContract {

    private final String contextPath;
    protected UdpAgent agent;
    protected Client client;
    private AutoCloseable application;

    /** For an application at {@code contextPath} ({@code ""} for the root). */
    protected RejectedRequestsContract(String contextPath) {
        this.contextPath = contextPath;
    }

    /** A started application: where it listens, and what stops it. */
    protected record Started(URI base, AutoCloseable stop) {
    }

    /** Starts the application, sending StatsD lines to {@code statsdPort}. */
    protected abstract Started start(int statsdPort) throws Exception;

    @BeforeAll
    void startApplication() throws Exception {
        agent = new UdpAgent();
        Started started = start(agent.port());
        application = started.stop();
        client = new Client(started.base());
    }

    @AfterAll
    void stopApplication() throws Exception {
        application.close();
        agent.close();
    }

    protected String path(String relative) {
        return contextPath + relative;
    }

    /** The {@code view.duration} line of {@code method route status}, once it arrived. */
    protected String line(String method, String route, int status) throws InterruptedException {
        String full = contextPath + route;
        return agent.await(l -> l.startsWith("view.duration:")
                && l.contains("#route:" + full + ",method:" + method + ",status:" + status + ","));
    }

    /**
     * The lines of every request answered since the previous end marker. The marker itself is a rejected request
     * (nobody is signed in) that the route lookup names by its controller, {@value UdpAgent#END_MARKER}.
     */
    protected List<String> linesBeforeEndMarker() throws Exception {
        return agent.linesBeforeEndMarker(() -> client.get(path(UdpAgent.END_MARKER)));
    }

    /** Asserts that no line so far carries a raw path value, a guessed twin or a name Spring would have given. */
    protected void assertNoLeak(String... rawValues) throws Exception {
        List<String> lines = linesBeforeEndMarker().stream().filter(l -> l.startsWith("view.")).toList();
        for (String raw : rawValues) {
            assertThat(lines).noneMatch(l -> l.contains(raw));
        }
        assertThat(lines).noneMatch(l -> l.contains("UNKNOWN") || l.contains("route:/error")
                || l.contains("{id}") || l.contains(contextPath + "/**,"));
    }

    @Test
    void httpBasicRejectionIsNamedByTheControllerTemplate() throws Exception {
        assertThat(client.get(path("/accounts/alice/settings")).statusCode()).isEqualTo(401);
        assertThat(client.get(path("/accounts/42/settings")).statusCode()).isEqualTo(401);
        assertThat(client.request("GET", path("/accounts/alice/settings")).basic("alice", "secret").send().body())
                .isEqualTo("settings of alice");

        assertThat(line("GET", "/accounts/{name}/settings", 401)).contains(",outcome:CLIENT_ERROR,exception:none");
        assertThat(line("GET", "/accounts/{name}/settings", 200)).contains(",outcome:SUCCESS,");
        assertNoLeak("alice", "/42");
    }

    @Test
    void rejectedBearerTokenIsNamedByTheControllerTemplate() throws Exception {
        HttpResponse<String> rejected = client.request("GET", path("/api/orders/42")).bearer("forged").send();
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(client.request("GET", path("/api/orders/42")).bearer(SecurityConfig.GOOD_TOKEN).send().body())
                .isEqualTo("order 42");

        line("GET", "/api/orders/{orderId}", 401);
        line("GET", "/api/orders/{orderId}", 200);
        assertNoLeak("/42", "forged");
    }

    @Test
    void accessDeniedHandlerRefusalIsNamedByTheControllerTemplate() throws Exception {
        HttpResponse<String> denied = client.request("GET", path("/accounts/alice/audit")).basic("alice", "secret")
                .send();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"error\":\"forbidden\"}");
        assertThat(client.request("GET", path("/accounts/alice/audit")).basic("root", "secret").send().statusCode())
                .isEqualTo(200);

        line("GET", "/accounts/{name}/audit", 403);
        line("GET", "/accounts/{name}/audit", 200);
        assertNoLeak("alice");
    }

    @Test
    void redirectToTheLoginPageIsNamedByTheControllerTemplate() throws Exception {
        HttpResponse<String> redirect = client.request("GET", path("/shop/carts/blue-widget"))
                .header("Accept", "text/html").send();
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v)
                .endsWith("/shop/login"));
        assertThat(client.request("GET", path("/shop/carts/blue-widget")).basic("alice", "secret").send().body())
                .isEqualTo("cart blue-widget");

        assertThat(line("GET", "/shop/carts/{cartId}", 302)).contains(",outcome:REDIRECTION,");
        line("GET", "/shop/carts/{cartId}", 200);
        assertNoLeak("blue-widget");
    }

    @Test
    void methodNotAllowedIsNamedByThePathItsMappingMatched() throws Exception {
        assertThat(client.request("POST", path("/accounts/alice/settings")).basic("alice", "secret").send()
                .statusCode()).isEqualTo(405);

        assertThat(line("POST", "/accounts/{name}/settings", 405))
                .contains(",exception:HttpRequestMethodNotSupportedException");
        assertNoLeak("alice");
    }

    @Test
    void notAcceptableIsNamedByTheControllerTemplate() throws Exception {
        assertThat(client.request("GET", path("/accounts/alice/avatar")).basic("alice", "secret")
                .header("Accept", "text/csv").send().statusCode()).isEqualTo(406);
        assertThat(client.request("GET", path("/accounts/alice/avatar")).basic("alice", "secret")
                .header("Accept", "image/png").send().statusCode()).isEqualTo(200);

        line("GET", "/accounts/{name}/avatar", 406);
        line("GET", "/accounts/{name}/avatar", 200);
        assertNoLeak("alice");
    }

    @Test
    void unsupportedMediaTypeIsNamedByTheControllerTemplate() throws Exception {
        assertThat(client.request("PUT", path("/accounts/alice/settings")).basic("alice", "secret")
                .body("text/plain", "dark mode").send().statusCode()).isEqualTo(415);
        assertThat(client.request("PUT", path("/accounts/alice/settings")).basic("alice", "secret")
                .body("application/json", "{\"mode\":\"dark\"}").send().body()).isEqualTo("saved alice");

        line("PUT", "/accounts/{name}/settings", 415);
        line("PUT", "/accounts/{name}/settings", 200);
        assertNoLeak("alice");
    }

    @Test
    void filterAnsweringByItselfIsNamedByTheFunctionalRoute() throws Exception {
        assertThat(client.request("GET", path("/products/blue-widget")).header("X-Quota", "exhausted").send()
                .statusCode()).isEqualTo(429);
        assertThat(client.request("GET", path("/products/blue-widget")).header("X-Maintenance", "on").send()
                .statusCode()).isEqualTo(503);
        assertThat(client.get(path("/products/blue-widget")).body()).isEqualTo("product");

        line("GET", "/products/{slug}", 429);
        line("GET", "/products/{slug}", 503);
        line("GET", "/products/{slug}", 200);
        assertNoLeak("blue-widget");
    }

    @Test
    void rejectedCorsPreflightIsNamedByTheControllerTemplate() throws Exception {
        HttpResponse<String> rejected = client.request("OPTIONS", path("/accounts/alice/settings"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").send();
        assertThat(rejected.statusCode()).isEqualTo(403);
        HttpResponse<String> allowed = client.request("OPTIONS", path("/accounts/alice/settings"))
                .header("Origin", SecurityConfig.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "GET").send();
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SecurityConfig.ALLOWED_ORIGIN);

        line("OPTIONS", "/accounts/{name}/settings", 403);
        line("OPTIONS", "/accounts/{name}/settings", 200);
        assertNoLeak("alice");
    }

    @Test
    void pathNoMappingMatchesIsNotFound() throws Exception {
        assertThat(client.request("GET", path("/no/such/alice")).basic("alice", "secret").send().statusCode())
                .isEqualTo(404);

        agent.duration("NOT_FOUND,method:GET,status:404");
        assertNoLeak("alice");
    }

    @Test
    void rejectedPathNoMappingMatchesIsNotFoundAndLeaksNoWord() throws Exception {
        assertThat(client.get(path("/accounts/alice/no-such-page")).statusCode()).isEqualTo(401);

        agent.duration("NOT_FOUND,method:GET,status:401");
        assertNoLeak("alice");
        assertNoLeak("no-such-page");
    }

    @Test
    void requestMvcServedIsNeverLookedUp() throws Exception {
        client.get(path("/products/warm-up"));
        line("GET", "/products/{slug}", 200);
        linesBeforeEndMarker(); // the lines below are this test's alone
        int before = CountingLookup.INSTANCE.asked();

        for (String product : new String[] {"blue-widget", "red-widget", "7"}) {
            assertThat(client.get(path("/products/" + product)).statusCode()).isEqualTo(200);
        }
        assertThat(client.request("GET", path("/accounts/alice/settings")).basic("alice", "secret").send()
                .statusCode()).isEqualTo(200);
        assertThat(linesBeforeEndMarker()).filteredOn(l -> l.startsWith("view.duration:") && l.contains("status:200"))
                .hasSize(4);
        assertThat(CountingLookup.INSTANCE.asked()).as("served requests are not looked up; the rejected end marker "
                + "is, once").isEqualTo(before + 1);

        assertThat(client.get(path("/accounts/bob/settings")).statusCode()).isEqualTo(401);
        line("GET", "/accounts/{name}/settings", 401);
        assertThat(CountingLookup.INSTANCE.asked()).as("a rejected request is looked up once").isEqualTo(before + 2);
    }
}
