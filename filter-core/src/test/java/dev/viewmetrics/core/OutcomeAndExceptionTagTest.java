package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.RawHttp;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code outcome} and {@code exception} tags of README "Metric contract", from real responses: every outcome
 * value, and a {@code ServletException} named after what it wraps.
 */
class OutcomeAndExceptionTagTest {

    private UdpReceiver agent;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        agent = new UdpReceiver();
        server = TestServer.builder("").initParam("statsd.host", "127.0.0.1")
                .initParam("statsd.port", Integer.toString(agent.port())).initParam("routes", "/status/{code}")
                .servlet("/status/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        int code = Integer.parseInt(req.getPathInfo().substring(1));
                        if (code >= 300 && code < 400) {
                            resp.sendRedirect("/elsewhere");
                        } else {
                            resp.setStatus(code);
                            resp.getWriter().write("status " + code);
                        }
                    }
                })
                .servlet("/fail/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
                        throw switch (req.getPathInfo()) {
                            case "/wrapped" -> new ServletException("wrapped", new IllegalStateException("cause"));
                            case "/twice" -> new ServletException(new ServletException(
                                    new UnsupportedOperationException("cause")));
                            default -> new ServletException("no cause");
                        };
                    }
                }).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "103, INFORMATIONAL",
        "199, INFORMATIONAL",
        "200, SUCCESS",
        "302, REDIRECTION",
        "404, CLIENT_ERROR",
        "503, SERVER_ERROR",
        "600, UNKNOWN",
    })
    void eachStatusClassHasItsOutcome(int status, String outcome) throws Exception {
        assertThat(RawHttp.send(server.base(), "GET /status/" + status + " HTTP/1.1"))
                .startsWith("HTTP/1.1 " + status);

        assertThat(durationLine("status:" + status + ",")).contains("#route:/status/{code},method:GET,status:" + status
                + ",outcome:" + outcome + ",exception:none");
    }

    @Test
    void aServletExceptionIsNamedAfterTheExceptionItWraps() throws Exception {
        assertThat(server.get("/fail/wrapped").statusCode()).isEqualTo(500);
        assertThat(durationLine("#route:/fail/wrapped,"))
                .contains(",status:500,outcome:SERVER_ERROR,exception:IllegalStateException");

        server.get("/fail/twice");
        assertThat(durationLine("#route:/fail/twice,")).contains(",exception:UnsupportedOperationException");

        server.get("/fail/alone");
        assertThat(durationLine("#route:/fail/alone,")).as("nothing wrapped: its own name")
                .contains(",exception:ServletException");
    }

    /**
     * The one duration line (containing {@code text}) recorded since the previous one was read. It is awaited
     * before the end marker is sent: a response the container completes early (a redirect) can reach the client
     * before the filter has recorded it.
     */
    private String durationLine(String text) throws Exception {
        agent.await(line -> line.startsWith("view.duration:") && line.contains(text), Duration.ofSeconds(10));
        List<String> durations = server.linesBeforeEndMarker(agent).stream()
                .filter(line -> line.startsWith("view.duration:")).toList();
        assertThat(durations).hasSize(1);
        return durations.get(0);
    }
}
