package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The filter in a real Jetty, configured by init-params as in web.xml, sending real UDP lines (datadog). */
class ViewMetricsFilterTest {

    private static final Pattern VALUE = Pattern.compile("^[^:]+:([0-9.]+)\\|ms");

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

    private TestServer.Builder app(String contextPath) {
        return TestServer.builder(contextPath)
                .initParam("statsd.host", "127.0.0.1")
                .initParam("statsd.port", Integer.toString(agent.port()))
                .initParam("service", "shop")
                .initParam("environment", "prod");
    }

    @Test
    void declaredTemplateNamesTheRequestOnTheWire() throws Exception {
        server = app("").initParam("routes", "/users/{id}, /users/{id}/orders/{orderId}")
                .servlet("/*", Servlets.status(200)).start();

        assertThat(server.get("/users/42").statusCode()).isEqualTo(200);

        String line = agent.awaitStartingWith("view.duration:");
        assertThat(line).matches("view\\.duration:[0-9.]+\\|ms\\|#route:/users/\\{id},method:GET,status:200,"
                + "outcome:SUCCESS,exception:none,service:shop,environment:prod");
        assertThat(agent.awaitStartingWith("view.cpu:"))
                .endsWith("|ms|#route:/users/{id},method:GET,status:200,outcome:SUCCESS,exception:none,"
                        + "service:shop,environment:prod");
    }

    @Test
    void baseNameRenamesEveryRequestMeter() throws Exception {
        server = app("").initParam("base-name", "http").initParam("statsd.poll-interval", "50ms")
                .initParam("routes", "/users/{id}").servlet("/*", Servlets.status(200)).start();

        server.get("/users/42");

        assertThat(agent.awaitStartingWith("http.duration:")).contains("|ms|#route:/users/{id},method:GET,status:200,");
        assertThat(agent.awaitStartingWith("http.cpu:")).contains("|ms|#route:/users/{id},method:GET,status:200,");
        assertThat(agent.awaitStartingWith("http.active:")).contains("|g|#method:GET,");
        assertThat(server.linesBeforeEndMarker(agent)).noneMatch(line -> line.startsWith("view."));
    }

    @Test
    void baseNameComesFromItsEnvironmentVariableToo() throws Exception {
        server = app("").environment(Map.of("VIEWMETRICS_BASE_NAME", "web")).servlet("/*", Servlets.status(200))
                .start();

        server.get("/users/42");

        assertThat(server.linesBeforeEndMarker(agent)).anyMatch(line -> line.startsWith("web.duration:"))
                .anyMatch(line -> line.startsWith("web.cpu:")).noneMatch(line -> line.startsWith("view."));
    }

    @Test
    void routeIncludesTheContextPath() throws Exception {
        server = app("/app").initParam("routes", "/users/{id}/orders/{orderId}")
                .servlet("/*", Servlets.status(200)).start();

        server.get("/app/users/7/orders/99");

        assertThat(agent.awaitStartingWith("view.duration:")).contains("#route:/app/users/{id}/orders/{orderId},");
    }

    @Test
    void servletMappingNamesPlainServlets() throws Exception {
        server = app("").servlet("/status", Servlets.status(200)).servlet("/files/*", Servlets.status(200)).start();

        server.get("/status");
        server.get("/files/12345");

        agent.await(line -> line.contains("route:/status,"), Duration.ofSeconds(10));
        agent.await(line -> line.contains("route:/files/{id},"), Duration.ofSeconds(10));
    }

    @Test
    void unmatchedPathsFallBackToNormalisedIds() throws Exception {
        server = app("").servlet("/", Servlets.status(200)).start();

        server.get("/api/orders/123e4567-e89b-12d3-a456-426614174000/lines/17");

        assertThat(agent.awaitStartingWith("view.duration:")).contains("route:/api/orders/{uuid}/lines/{id},");
    }

    @Test
    void unmatchedNotFoundRedirectAndRootHaveFixedNames() throws Exception {
        server = app("").servlet("/", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                switch (req.getRequestURI()) {
                    case "/":
                        resp.setStatus(200);
                        break;
                    case "/old/place":
                        resp.sendRedirect("/new/place");
                        break;
                    default:
                        resp.sendError(404);
                }
            }
        }).start();

        server.get("/");
        server.get("/no/such/page");
        server.get("/old/place");

        agent.await(line -> line.startsWith("view.duration:") && line.contains("route:root,method:GET,status:200"),
                Duration.ofSeconds(10));
        agent.await(line -> line.startsWith("view.duration:") && line.contains("route:NOT_FOUND,method:GET,status:404,"
                + "outcome:CLIENT_ERROR"), Duration.ofSeconds(10));
        agent.await(line -> line.startsWith("view.duration:")
                && line.contains("route:REDIRECTION,method:GET,status:302,outcome:REDIRECTION,"), Duration.ofSeconds(10));
    }

    @Test
    void thrownExceptionIsReportedAs500AndRethrownUnchanged() throws Exception {
        CompletableFuture<Throwable> seenByContainer = new CompletableFuture<>();
        server = app("").initParam("routes", "/boom").servlet("/boom", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                IllegalStateException failure = new IllegalStateException("boom");
                seenByContainer.complete(failure);
                throw failure;
            }
        }).start();

        assertThat(server.get("/boom").statusCode()).isEqualTo(500);

        assertThat(agent.awaitStartingWith("view.duration:"))
                .contains("route:/boom,method:GET,status:500,outcome:SERVER_ERROR,exception:IllegalStateException,");
        assertThat(seenByContainer.get(1, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sendErrorStatusIsRecorded() throws Exception {
        server = app("").servlet("/teapot", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.sendError(418, "short and stout");
            }
        }).start();

        assertThat(server.get("/teapot").statusCode()).isEqualTo(418);

        assertThat(agent.awaitStartingWith("view.duration:"))
                .contains("route:/teapot,method:GET,status:418,outcome:CLIENT_ERROR,exception:none");
    }

    @Test
    void exceptionAfterCommitKeepsTheStatusTheClientSaw() throws Exception {
        server = app("").servlet("/stream", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(200);
                resp.getWriter().write("partial");
                resp.flushBuffer();
                throw new IllegalArgumentException("late failure");
            }
        }).start();

        try {
            server.get("/stream");
        } catch (IOException truncated) {
            // the container aborts a response that failed after commit
        }

        assertThat(agent.awaitStartingWith("view.duration:"))
                .contains("route:/stream,method:GET,status:200,outcome:SUCCESS,exception:IllegalArgumentException");
    }

    @Test
    void nonStandardMethodIsOther() throws Exception {
        server = app("").servlet("/thing", Servlets.status(200)).start();

        server.send("PURGE", "/thing");

        assertThat(agent.awaitStartingWith("view.duration:")).contains("route:/thing,method:OTHER,status:200");
    }

    @Test
    void cpuTimeCountsWorkNotWaiting() throws Exception {
        server = app("").servlet("/cpu", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                Servlets.burnCpu(100);
            }
        }).servlet("/sleep", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                sleep(100);
            }
        }).start();

        server.get("/cpu");
        server.get("/sleep");

        double busyCpu = value(agent.await(l -> l.startsWith("view.cpu:") && l.contains("route:/cpu,"), Duration.ofSeconds(10)));
        double idleCpu = value(agent.await(l -> l.startsWith("view.cpu:") && l.contains("route:/sleep,"), Duration.ofSeconds(10)));
        double idleWall = value(agent.await(l -> l.startsWith("view.duration:") && l.contains("route:/sleep,"), Duration.ofSeconds(10)));
        assertThat(busyCpu).isCloseTo(100.0, within(40.0));
        assertThat(idleCpu).isLessThan(25.0);
        assertThat(idleWall).isGreaterThanOrEqualTo(100.0);
    }

    @Test
    void cpuTimeCanBeTurnedOff() throws Exception {
        server = app("").initParam("cpu-time", "false").servlet("/x", Servlets.status(200)).start();

        server.get("/x");
        server.get("/x");

        List<String> lines = server.linesBeforeEndMarker(agent);
        assertThat(lines).filteredOn(line -> line.startsWith("view.duration:")).hasSize(2);
        assertThat(lines).noneMatch(line -> line.startsWith("view.cpu:"));
    }

    @Test
    void excludedPathsAreNotMeasured() throws Exception {
        server = app("").initParam("exclude", "/health, /static/**").servlet("/*", Servlets.status(200)).start();

        server.get("/health");
        server.get("/static/css/site.css");
        server.get("/measured");

        assertThat(server.linesBeforeEndMarker(agent)).filteredOn(line -> line.startsWith("view.duration:"))
                .singleElement().asString().contains("route:/measured,");
    }

    @Test
    void asyncRequestIsTimedToCompletionAndRecordedOnce() throws Exception {
        server = app("").servlet("/async/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                AsyncContext async = req.startAsync();
                CompletableFuture.runAsync(() -> {
                    sleep(150);
                    ((HttpServletResponse) async.getResponse()).setStatus(202);
                    async.complete();
                });
            }
        }).start();

        assertThat(server.get("/async/5").statusCode()).isEqualTo(202);

        String line = agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10));
        assertThat(line).contains("route:/async/{id},method:GET,status:202");
        assertThat(value(line)).isGreaterThanOrEqualTo(150.0);
        List<String> lines = server.linesBeforeEndMarker(agent);
        assertThat(lines).filteredOn(l -> l.startsWith("view.duration:")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("view.cpu:")).hasSize(1);
    }

    @Test
    void asyncDispatchAddsItsCpuTimeToTheRequest() throws Exception {
        server = app("").servlet("/report", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (req.getAttribute("rendered") == null) {
                    Servlets.burnCpu(60);
                    req.setAttribute("rendered", true);
                    AsyncContext async = req.startAsync();
                    CompletableFuture.runAsync(() -> {
                        sleep(50);
                        async.dispatch();
                    });
                } else {
                    Servlets.burnCpu(60);
                    resp.getWriter().write("done");
                }
            }
        }).start();

        assertThat(server.get("/report").body()).isEqualTo("done");

        double cpu = value(agent.await(l -> l.startsWith("view.cpu:"), Duration.ofSeconds(10)));
        double wall = value(agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10)));
        assertThat(cpu).isCloseTo(120.0, within(50.0));
        assertThat(wall).isGreaterThanOrEqualTo(170.0);
        assertThat(server.linesBeforeEndMarker(agent)).filteredOn(l -> l.startsWith("view.duration:")).hasSize(1);
    }

    @Test
    void errorPageDispatchIsNotRecordedAgain() throws Exception {
        server = app("").dispatchers(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.ERROR, jakarta.servlet.DispatcherType.FORWARD)
                .errorPage(404, "/oops").errorPage(500, "/oops")
                .servlet("/oops", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.getWriter().write("sorry"); // an error page keeps the error status
                    }
                })
                .servlet("/missing", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.sendError(404);
                    }
                }).servlet("/broken", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) {
                        throw new UnsupportedOperationException("nope");
                    }
                }).start();

        assertThat(server.get("/missing").body()).isEqualTo("sorry");
        assertThat(server.get("/broken").statusCode()).isEqualTo(500);

        agent.await(l -> l.startsWith("view.duration:") && l.contains("route:/missing,method:GET,status:404"),
                Duration.ofSeconds(10));
        agent.await(l -> l.startsWith("view.duration:")
                && l.contains("route:/broken,method:GET,status:500,outcome:SERVER_ERROR,exception:UnsupportedOperationException"),
                Duration.ofSeconds(10));
        List<String> lines = server.linesBeforeEndMarker(agent);
        assertThat(lines).filteredOn(l -> l.startsWith("view.duration:")).hasSize(2);
        assertThat(lines).noneMatch(l -> l.contains("route:/oops"));
    }

    @Test
    void asyncTimeoutIsRecordedOnceAsTheErrorTheClientSaw() throws Exception {
        server = app("").servlet("/hang", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                req.startAsync().setTimeout(150);
            }
        }).start();

        HttpResponse<String> response = server.get("/hang");

        String line = agent.await(l -> l.startsWith("view.duration:"), Duration.ofSeconds(10));
        assertThat(line).contains("route:/hang,method:GET,status:" + response.statusCode() + ",");
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(value(line)).isGreaterThanOrEqualTo(150.0);
        assertThat(server.linesBeforeEndMarker(agent)).filteredOn(l -> l.startsWith("view.duration:")).hasSize(1);
    }

    static double value(String line) {
        Matcher matcher = VALUE.matcher(line);
        assertThat(matcher.find()).as("timer value in %s", line).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
