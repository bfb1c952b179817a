package dev.viewmetrics.mixins;

import dev.viewmetrics.core.testing.StreamLineServer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The mixins examples of README.md: the web.xml snippet deployed as it stands, the handler as the tests run it. */
class MixinsReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void handlerExampleIsTheServletTheTestsRun() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/viewmetrics/mixins/StatsdHttpServletTest.java"));
        Matcher region = Pattern.compile("// readme-example: mixin-handler\n(.*?)\n\\s*// end readme-example",
                Pattern.DOTALL).matcher(source);
        assertThat(region.find()).isTrue();
        assertThat(normalized(region.group(1))).isEqualTo(normalized(readmeBlock("mixin-handler")));
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
            Files.createDirectories(webapp.resolve("WEB-INF"));
            Files.writeString(webapp.resolve("WEB-INF/web.xml"), "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                    + " version=\"6.0\">\n" + readmeBlock("mixin-web.xml") + "\n<servlet><servlet-name>widgets"
                    + "</servlet-name><servlet-class>" + StatsdHttpServletTest.WidgetHandler.class.getName()
                    + "</servlet-class></servlet>\n<servlet-mapping><servlet-name>widgets</servlet-name>"
                    + "<url-pattern>/widgets/*</url-pattern></servlet-mapping>\n</web-app>\n");
            WebAppContext context = new WebAppContext(webapp.toString(), "/");
            context.setParentLoaderPriority(true);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            server.setHandler(context);
            server.start();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/widgets/1")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).isEqualTo("widget");
            } finally {
                server.stop();
            }

            agent.awaitLines(4, Duration.ofSeconds(10));
            assertThat(agent.lines()).contains("applications.sample.dev.counters.widgets.served:1|c",
                    "applications.sample.dev.timers.widgets.render:2|ms")
                    .anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.WidgetHandler\\.GET\\.200:[0-9.]+\\|ms"));
        }
    }

    private static String readmeBlock(String name) throws Exception {
        Matcher matcher = Pattern.compile("<!-- readme-example: " + Pattern.quote(name)
                + " -->\\s*```[a-z]*\n(.*?)\n```", Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(matcher.find()).as("README.md has example %s", name).isTrue();
        return matcher.group(1);
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
