package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.RawHttp;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No byte of a request can create a new line, field or tag on the wire, whatever the flavor. The container is
 * relaxed so that it passes every hostile request on to the application rather than answering 400 or 431 itself:
 * each one is shown to reach the filter (the servlet behind it answers {@value #STATUS}, and exactly one duration
 * line of that status is recorded for it) before its lines are checked.
 */
class HostileInputTest {

    /** What the servlet behind the filter answers: only a request that went through the filter gets it. */
    private static final int STATUS = 299;

    private static final List<String> HOSTILE_REQUESTS = List.of(
            "GET /users/%0Aevil.metric:1%7Cc HTTP/1.1",
            "GET /users/%0D%0Aevil.metric:1%7Cc%0A HTTP/1.1",
            "GET /files/a%7Cb%23c%2Cd%3Ae%3Df%40g HTTP/1.1",
            "GET /x/%E2%80%A8%0D%0A%09tab%7F HTTP/1.1",
            "GET /api/%3Cscript%3Ealert(1)%3C%2Fscript%3E HTTP/1.1",
            "GET /search;jsessionid=ABC%0A:1|c/../x HTTP/1.1",
            "GET /weird/a|b,c=d:e HTTP/1.1",
            "GET /tags/%23route:evil,status:1 HTTP/1.1",
            "EVIL /users/1 HTTP/1.1",
            "GET /users/1 HTTP/1.1\r\nX-Injected: a\nevil:1|c\r\nX-Route: /admin",
            "GET /" + "a/".repeat(3000) + " HTTP/1.1",
            "GET /users/1 HTTP/1.1\r\nX-Huge: " + "h".repeat(20_000));

    @ParameterizedTest(name = "{0} flavor")
    @CsvSource({
        "datadog, '^[A-Za-z0-9._-]+:-?[0-9.]+\\|(ms|c|g|h)(\\|#[^|#,:\\s]+:[^|#,:\\s]+(,[^|#,:\\s]+:[^|#,:\\s]+)*)?$',"
                + " 'status:299,'",
        "etsy, '^[A-Za-z0-9._-]+:-?[0-9.]+\\|(ms|c|g|h)$', '.299.duration:'",
        "telegraf, '^[A-Za-z0-9._-]+(,[^|#,:=\\s]+=[^|#,:=\\s]+)*:-?[0-9.]+\\|(ms|c|g|h)$', ',status=299,'",
        "sysdig, '^[A-Za-z0-9._-]+(#[^|#,:=\\s]+=[^|#,:=\\s]+(,[^|#,:=\\s]+=[^|#,:=\\s]+)*)?:-?[0-9.]+\\|(ms|c|g|h)$',"
                + " ',status=299,'",
    })
    void everyLineStaysWellFormed(String flavor, String wellFormed, String ofTheHostileRequest) throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                TestServer server = TestServer.builder("").relaxedHttp().initParam("statsd.host", "127.0.0.1")
                        .initParam("statsd.port", Integer.toString(agent.port())).initParam("statsd.flavor", flavor)
                        .servlet("/*", Servlets.status(STATUS)).start()) {
            for (String request : HOSTILE_REQUESTS) {
                String shown = request.length() > 80 ? request.substring(0, 80) + "…" : request;

                assertThat(RawHttp.send(server.base(), request)).as("the application answered %s", shown)
                        .startsWith("HTTP/1.1 " + STATUS);

                List<String> lines = server.linesBeforeEndMarker(agent);
                assertThat(lines).as("lines of %s", shown).allSatisfy(line -> assertThat(line).matches(wellFormed))
                        .noneMatch(line -> line.contains("evil"))
                        .filteredOn(line -> line.contains("duration") && line.contains(ofTheHostileRequest))
                        .as("the duration line of %s", shown).hasSize(1);
            }
        }
    }
}
