package dev.viewmetrics.spring;

import dev.viewmetrics.spring.testing.WebServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * The rejected-request contract in plain Spring MVC deployed by {@code web.xml} on a real Jetty: viewmetrics and
 * Spring Security both as {@code DelegatingFilterProxy}, viewmetrics' mapping first, context path {@code /store}.
 */
class SecuredWebXmlTest extends RejectedRequestsContract {

    SecuredWebXmlTest() {
        super("/store");
    }

    @Override
    protected Started start(int statsdPort) throws Exception {
        Path webApp = Path.of(getClass().getResource("/secured-webapp").toURI());
        WebServer server = WebServer.startWebApp("/store", webApp, Map.of(
                "viewmetrics.statsd.host", "127.0.0.1",
                "viewmetrics.statsd.port", Integer.toString(statsdPort)));
        return new Started(server.base(), server);
    }
}
