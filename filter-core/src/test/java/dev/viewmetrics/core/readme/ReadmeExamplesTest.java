package dev.viewmetrics.core.readme;

import dev.viewmetrics.core.TimingStats;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.testing.ChildJvm;
import dev.viewmetrics.core.testing.HelloServlet;
import dev.viewmetrics.core.testing.LoopbackServer;
import dev.viewmetrics.core.testing.ReadmeExamples;
import dev.viewmetrics.core.testing.UdpReceiver;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example of README.md is compiled and run here. Java examples live in test code between
 * {@code // readme-example: NAME} and {@code // end readme-example}, and must read exactly as in the README. None
 * sees this machine's environment variables: the {@code web.xml} example gets an empty environment through its
 * servlet context, and the examples that call a builder run in a JVM of their own with none.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path TEST_SOURCES = Path.of("src", "test", "java", "dev", "viewmetrics", "core", "readme");

    @Test
    void webXmlQuickStartDeploysAndNamesRoutes(@TempDir Path webapp) throws Exception {
        String snippet = readmeBlock("web.xml");
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                + " version=\"6.0\">\n" + snippet + "\n<servlet><servlet-name>hello</servlet-name><servlet-class>"
                + HelloServlet.class.getName() + "</servlet-class></servlet>\n<servlet-mapping><servlet-name>hello"
                + "</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>\n</web-app>\n");
        WebAppContext context = new WebAppContext(webapp.toString(), "/shop");
        context.setParentLoaderPriority(true);
        context.setAttribute(ContextEnvironment.ATTRIBUTE, Map.of());
        try (LoopbackServer server = LoopbackServer.start(context)) {
            assertThat(server.get("/shop/users/42/orders/7").body()).isEqualTo("hello /shop/users/42/orders/7");

            ViewMetricsFilter filter = (ViewMetricsFilter) context.getServletHandler().getFilter("viewmetrics")
                    .getFilter();
            assertThat(filter.metrics().registry().get("view.duration")
                    .tag("route", "/shop/users/{id}/orders/{orderId}").tag("service", "shop").timer().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void programmaticQuickStartSendsToTheAgent(@TempDir Path tmp) throws Exception {
        assertThat(javaExample("MetricsSetup.java", "programmatic")).isEqualTo(readmeBlock("programmatic"));
        try (UdpReceiver agent = agentOnDefaultPort()) {
            runExample(tmp, "programmatic");

            assertThat(agent.awaitStartingWith("view.duration:")).endsWith(
                    "|ms|#route:/users/{id},method:GET,status:200,outcome:SUCCESS,exception:none,service:shop,"
                            + "environment:prod");
        }
    }

    @Test
    void timingStatsExampleRecordsWallAndCpu() throws Exception {
        assertThat(javaExample("ReadmeExamplesTest.java", "timing-stats")).isEqualTo(readmeBlock("timing-stats"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            timingStatsExample();
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertThat(registry.get("home.feed").timer().count()).isEqualTo(1);
        assertThat(registry.get("home.feed.cpu").timer().count()).isEqualTo(1);
        assertThat(registry.get("home.feed.allocated").summary().count()).isEqualTo(1);
        assertThat(registry.get("home.feed.ads").timer().count()).isEqualTo(1);
    }

    @Test
    void statsdExampleSendsTaggedLines(@TempDir Path tmp) throws Exception {
        assertThat(javaExample("ReadmeExampleRunner.java", "statsd")).isEqualTo(readmeBlock("statsd"));
        try (UdpReceiver agent = agentOnDefaultPort()) {
            runExample(tmp, "statsd");

            assertThat(agent.awaitStartingWith("orders.placed:"))
                    .isEqualTo("orders.placed:1|c|#country:IS,service:shop,environment:prod,version:1.4.2");
            assertThat(agent.awaitStartingWith("queue.depth:"))
                    .isEqualTo("queue.depth:12|g|#service:shop,environment:prod,version:1.4.2");
            assertThat(agent.awaitStartingWith("payment.authorise:")).startsWith("payment.authorise:180|ms|#");
            assertThat(agent.awaitStartingWith("invoice.render:")).contains("|ms|#service:shop");
        }
    }

    private void timingStatsExample() {
        // readme-example: timing-stats
        try (TimingStats feed = TimingStats.start("home.feed")) {
            TimingStats.time("home.feed.ads", () -> loadAds());
            renderFeed();
        }
        // end readme-example
    }

    private static void loadAds() {
        dev.viewmetrics.core.testing.Servlets.burnCpu(2);
    }

    private static void renderFeed() {
        dev.viewmetrics.core.testing.Servlets.burnCpu(2);
    }

    /** Runs the example in a JVM with no environment variables, to its end. */
    private static void runExample(Path tmp, String name) throws Exception {
        ChildJvm.Result result = ChildJvm.run(tmp, ChildJvm.command(ChildJvm.testClasspath(),
                ReadmeExampleRunner.class.getName(), List.of(name)));
        assertThat(result.status()).as(result.toString()).isZero();
    }

    /** The examples use the default StatsD port, as a reader would; skip (not fail) if something holds it. */
    private static UdpReceiver agentOnDefaultPort() throws Exception {
        try {
            return new UdpReceiver(8125);
        } catch (BindException e) {
            assumeTrue(false, "UDP port 8125 is in use on this machine");
            throw e;
        }
    }

    private static String readmeBlock(String name) throws Exception {
        return ReadmeExamples.block(README, name);
    }

    private static String javaExample(String file, String name) throws Exception {
        return ReadmeExamples.region(TEST_SOURCES.resolve(file), name);
    }
}
