package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways an adapter names requests its framework did not serve, in a real Jetty with real UDP lines:
 * {@link ViewMetricsContext#setUnmatched()} and a {@link RouteLookup} asked after the fact.
 */
class RouteLookupTest {

    private UdpReceiver agent;
    private TestServer server;

    @BeforeEach
    void startAgent() throws Exception {
        agent = new UdpReceiver();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        agent.close();
    }

    private TestServer.Builder app() {
        return TestServer.builder("/app")
                .initParam("statsd.host", "127.0.0.1")
                .initParam("statsd.port", Integer.toString(agent.port()))
                .initParam("cpu-time", "false");
    }

    /** A framework servlet on {@code /api/*} that serves {@code /api/users/{name}} and says when nothing matched. */
    private static HttpServlet framework() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                ViewMetricsContext context = ViewMetricsContext.of(req);
                if (req.getPathInfo().startsWith("/users/")) {
                    context.setRoute("/api/users/{name}");
                    resp.setStatus(200);
                } else {
                    context.setUnmatched();
                    resp.sendError(req.getPathInfo().startsWith("/moved") ? 302 : 404);
                }
            }
        };
    }

    @Test
    void unmatchedUnderAPathMappedServletIsNotFoundNotTheMapping() throws Exception {
        server = app().servlet("/api/*", framework()).start();

        assertThat(server.get("/app/api/nothing/here").statusCode()).isEqualTo(404);
        assertThat(server.get("/app/api/users/alice").statusCode()).isEqualTo(200);

        agent.await(line -> line.startsWith("view.duration:") && line.contains("route:/app/api/users/{name},"),
                Duration.ofSeconds(10));
        String notFound = agent.await(line -> line.startsWith("view.duration:") && line.contains("status:404"),
                Duration.ofSeconds(10));
        assertThat(notFound).contains("#route:NOT_FOUND,");
    }

    @Test
    void unmatchedRedirectIsRedirection() throws Exception {
        server = app().servlet("/api/*", framework()).start();

        server.get("/app/api/moved/somewhere");

        assertThat(agent.await(line -> line.startsWith("view.duration:"), Duration.ofSeconds(10)))
                .contains("#route:REDIRECTION,").contains("status:302");
    }

    @Test
    void lookupNamesARequestRejectedBeforeItsServlet() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        server = app().servlet("/api/*", framework())
                .listener(new LookupInstaller((request, context) -> {
                    asked.incrementAndGet();
                    if (request.getRequestURI().startsWith("/app/api/users/")) {
                        context.setRoute("/api/users/{name}");
                    }
                }))
                .start();
        server.context().addFilter(rejecting(401), "/api/users/*", null);

        assertThat(server.get("/app/api/users/alice").statusCode()).isEqualTo(401);

        String line = agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10));
        assertThat(line).contains("#route:/app/api/users/{name},method:GET,status:401,outcome:CLIENT_ERROR");
        assertThat(line).doesNotContain("alice");
        assertThat(asked).hasValue(1);
    }

    @Test
    void unmatchedRequestThatFailedIsNotFoundWhateverItsStatusAndWordsNeverLeak() throws Exception {
        server = app().servlet("/api/*", framework())
                .listener(new LookupInstaller((request, context) -> context.setUnmatched()))
                .start();
        server.context().addFilter(rejecting(401), "/api/secret/*", null);

        assertThat(server.get("/app/api/secret/alice").statusCode()).isEqualTo(401);

        String line = agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10));
        assertThat(line).contains("#route:NOT_FOUND,method:GET,status:401,outcome:CLIENT_ERROR");
        assertThat(line).doesNotContain("alice").doesNotContain("secret");
    }

    @Test
    void unmatchedRequestSomethingAnsweredWithSuccessKeepsTheFallbackAndDeclaredTemplatesWin() throws Exception {
        server = app().initParam("routes", "/api/reports/{id}").servlet("/api/*", framework())
                .listener(new LookupInstaller((request, context) -> context.setUnmatched()))
                .start();
        server.context().addFilter(rejecting(401), "/api/reports/*", null);
        server.context().addFilter(answering(200), "/api/health", null);

        server.get("/app/api/health");
        server.get("/app/api/reports/9");

        agent.await(l -> l.startsWith("view.duration:") && l.contains("#route:/app/api/health,method:GET,status:200,"),
                Duration.ofSeconds(10));
        agent.await(l -> l.startsWith("view.duration:")
                && l.contains("#route:/app/api/reports/{id},method:GET,status:401,"), Duration.ofSeconds(10));
    }

    @Test
    void lookupIsNotAskedWhenTheFrameworkReportedARoute() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        server = app().servlet("/api/*", framework())
                .listener(new LookupInstaller((request, context) -> asked.incrementAndGet()))
                .start();

        server.get("/app/api/users/bob");
        server.get("/app/api/nothing");

        agent.await(l -> l.startsWith("view.duration:") && l.contains("status:404"), Duration.ofSeconds(10));
        agent.await(l -> l.startsWith("view.duration:") && l.contains("status:200"), Duration.ofSeconds(10));
        assertThat(asked).hasValue(0);
    }

    @Test
    void lookupThatReportsNothingLeavesTheUsualNaming() throws Exception {
        server = app().initParam("routes", "/reports/{id}").servlet("/*", Servlets.status(200))
                .listener(new LookupInstaller((request, context) -> { }))
                .start();

        server.get("/app/reports/77");

        assertThat(agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10)))
                .contains("#route:/app/reports/{id},");
    }

    @Test
    void faultyLookupIsCountedAndTheRequestStillNamed() throws Exception {
        server = app().initParam("routes", "/reports/{id}").servlet("/*", Servlets.status(200))
                .listener(new LookupInstaller((request, context) -> {
                    throw new IllegalStateException("broken lookup");
                }))
                .start();

        assertThat(server.get("/app/reports/78").statusCode()).isEqualTo(200);

        assertThat(agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10)))
                .contains("#route:/app/reports/{id},");
        assertThat(agent.await(l -> l.startsWith("viewmetrics.errors:"), Duration.ofSeconds(10)))
                .contains("kind:IllegalStateException");
    }

    @Test
    void secondLookupIsAskedWhenTheFirstCannotTell() throws Exception {
        server = app().servlet("/api/*", framework())
                .listener(new LookupInstaller((request, context) -> { }))
                .listener(new LookupInstaller((request, context) -> context.setRoute("/api/users/{name}")))
                .start();
        server.context().addFilter(rejecting(429), "/api/users/*", null);

        server.get("/app/api/users/carol");

        assertThat(agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10)))
                .contains("#route:/app/api/users/{name},method:GET,status:429,");
    }

    private static Filter rejecting(int status) {
        return (request, response, chain) -> ((HttpServletResponse) response).sendError(status);
    }

    private static Filter answering(int status) {
        return (request, response, chain) -> ((HttpServletResponse) response).setStatus(status);
    }

    /** Installs a lookup when the web application starts, as an adapter does. */
    private record LookupInstaller(RouteLookup lookup) implements jakarta.servlet.ServletContextListener {
        @Override
        public void contextInitialized(jakarta.servlet.ServletContextEvent event) {
            RouteLookup.install(event.getServletContext(), lookup);
        }
    }
}
