package dev.viewmetrics.mixins;

import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.testing.LoopbackServer;
import dev.viewmetrics.core.testing.ReadmeExamples;
import dev.viewmetrics.core.testing.StreamLineServer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The mixins examples of README.md: the web.xml snippet deployed as it stands, the handler as the tests run it. */
class MixinsReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void handlerExampleIsTheServletTheTestsRun() throws Exception {
        String region = ReadmeExamples.region(
                Path.of("src/test/java/dev/viewmetrics/mixins/StatsdHttpServletTest.java"), "mixin-handler");
        assertThat(region).isEqualTo(ReadmeExamples.block(README, "mixin-handler"));
    }

    @Test
    void webXmlExampleStartsStatsdAndTimesEveryRequest(@TempDir Path webapp) throws Exception {
        StreamLineServer agent;
        try {
            agent = StreamLineServer.tcp(8125); // the example uses the default port, as a reader would
        } catch (BindException e) {
            assumeTrue(false, "TCP port 8125 is in use on this machine");
            return;
        }
        try (agent) {
            String snippet = ReadmeExamples.block(README, "mixin-web.xml");
            Files.createDirectories(webapp.resolve("WEB-INF"));
            Files.writeString(webapp.resolve("WEB-INF/web.xml"), "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                    + " version=\"6.0\">\n" + snippet + "\n<servlet><servlet-name>widgets"
                    + "</servlet-name><servlet-class>" + StatsdHttpServletTest.WidgetHandler.class.getName()
                    + "</servlet-class></servlet>\n<servlet-mapping><servlet-name>widgets</servlet-name>"
                    + "<url-pattern>/widgets/*</url-pattern></servlet-mapping>\n</web-app>\n");
            WebAppContext context = new WebAppContext(webapp.toString(), "/");
            context.setParentLoaderPriority(true);
            context.setAttribute(ContextEnvironment.ATTRIBUTE, Map.of()); // this machine's STATSD_* stay out
            try (LoopbackServer server = LoopbackServer.start(context)) {
                assertThat(server.get("/widgets/1").body()).isEqualTo("widget");
            }

            agent.awaitLines(4, Duration.ofSeconds(10));
            assertThat(agent.lines()).contains("applications.sample.dev.counters.widgets.served:1|c",
                    "applications.sample.dev.timers.widgets.render:2|ms")
                    .anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.WidgetHandler\\.GET\\.200:[0-9.]+\\|ms"));
        }
    }
}
