package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.RawHttp;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No byte of a request can create a new line, field or tag on the wire, whatever the flavor. */
class HostileInputTest {

    private static final List<String> HOSTILE_REQUESTS = List.of(
            "GET /users/%0Aevil.metric:1%7Cc HTTP/1.1",
            "GET /files/a%7Cb%23c%2Cd%3Ae%3Df%40g HTTP/1.1",
            "GET /x/%E2%80%A8%0D%0A%09tab HTTP/1.1",
            "GET /api/%3Cscript%3Ealert(1)%3C%2Fscript%3E HTTP/1.1",
            "GET /search;jsessionid=ABC%0A:1|c/../x HTTP/1.1",
            "GET /weird/a|b#c HTTP/1.1",
            "EVIL /users/1 HTTP/1.1",
            "GET /users/1 HTTP/1.1\r\nX-Injected: a\nevil:1|c\r\nX-Route: /admin",
            "GET /" + "a/".repeat(3000) + " HTTP/1.1",
            "GET /users/1 HTTP/1.1\r\nX-Huge: " + "h".repeat(20_000));

    @ParameterizedTest(name = "{0} flavor")
    @CsvSource({
        "datadog, '^[A-Za-z0-9._-]+:-?[0-9.]+\\|(ms|c|g|h)(\\|#[^|#,:\\s]+:[^|#,:\\s]+(,[^|#,:\\s]+:[^|#,:\\s]+)*)?$'",
        "etsy, '^[A-Za-z0-9._-]+:-?[0-9.]+\\|(ms|c|g|h)$'",
        "telegraf, '^[A-Za-z0-9._-]+(,[^|#,:=\\s]+=[^|#,:=\\s]+)*:-?[0-9.]+\\|(ms|c|g|h)$'",
    })
    void everyLineStaysWellFormed(String flavor, String wellFormed) throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                TestServer server = TestServer.builder("").initParam("statsd.host", "127.0.0.1")
                        .initParam("statsd.port", Integer.toString(agent.port())).initParam("statsd.flavor", flavor)
                        .initParam("routes", "/users/{id}").servlet("/*", Servlets.status(200)).start()) {
            int answered = 0;
            for (String request : HOSTILE_REQUESTS) {
                String statusLine = RawHttp.send(server.base(), request);
                assertThat(statusLine).as("the container answered %s", request).startsWith("HTTP/1.1 ");
                answered++;
            }
            server.get("/users/after");

            agent.await(line -> line.contains("users") && line.contains("duration"), Duration.ofSeconds(10));
            List<String> lines = agent.received(Duration.ofMillis(500));
            assertThat(answered).isEqualTo(HOSTILE_REQUESTS.size());
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches(wellFormed));
            assertThat(lines).noneMatch(line -> line.startsWith("evil"));
        }
    }
}
