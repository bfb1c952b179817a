package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.testing.HelloServlet;
import dev.viewmetrics.core.testing.LoopbackServer;
import dev.viewmetrics.core.testing.ReadmeExamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of README.md's section "Seeing the numbers without an agent" runs here. Java examples live below
 * between {@code // readme-example: NAME} and {@code // end readme-example} and must read exactly as in the README;
 * captured output is compared with what the commands print now.
 */
class ReportReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "dev", "viewmetrics", "stats",
            "ReportReadmeTest.java");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PID = ProcessHandle.current().pid();
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    @Test
    void statsServletMountedInCodeAnswersLoopback() throws Exception {
        assertThat(javaExample("stats-servlet")).isEqualTo(readmeBlock("stats-servlet"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).environmentVariables(n -> null).build();
        ServletContextHandler context = new ServletContextHandler("/");
        context.setAttribute(ContextEnvironment.ATTRIBUTE, Map.of());
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                mountStats(event.getServletContext(), metrics);
            }
        });
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(metrics.filter()), "/*", null);
        context.addServlet(HelloServlet.class, "/users/*");
        try (LoopbackServer server = LoopbackServer.start(context)) {
            server.get("/users/42");
            assertThat(JsonFileReporterTest.threadNamed("viewmetrics-stats-rates")).as("started with the app").isTrue();
            HttpResponse<String> page = server.get("/admin/stats?format=json&query=route:/users/*");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(page.body()).get("meters").get(0).get("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void statsServletFromWebXmlShowsTheFiltersRegistry() throws Exception {
        WebAppContext context = ShopWebApp.with(dir, readmeBlock("stats-web.xml"));
        try (LoopbackServer server = LoopbackServer.start(context)) {
            server.get("/shop/users/42");
            assertThat(JsonFileReporterTest.threadNamed("viewmetrics-stats-rates")).as("load-on-startup").isTrue();

            HttpResponse<String> json = server.get("/shop/admin/stats?format=json&query="
                    + URLEncoder.encode("route:/shop/users/*", StandardCharsets.UTF_8));

            JsonNode meter = JSON.readTree(json.body()).get("meters").get(0);
            assertThat(meter.get("tags").get("route").asText()).isEqualTo("/shop/users/{id}");
            assertThat(meter.get("cpu").get("name").asText()).isEqualTo("view.cpu");
        }
    }

    @Test
    void percentilesExampleFillsTheP95Column() throws Exception {
        assertThat(runnerExample("stats-percentiles")).isEqualTo(readmeBlock("stats-percentiles"));
        ChildJvm.Result result = runExample("percentiles");

        JsonNode meter = JSON.readTree(result.out()).get("meters").get(0);
        assertThat(meter.get("tags").get("route").asText()).isEqualTo("/users/{id}");
        assertThat(meter.get("p95").asDouble()).isPositive();
        assertThat(meter.get("cpu").get("p99").isNull()).isFalse();
    }

    @Test
    void jsonSchemaInTheReadmeIsWhatThePageServes() throws Exception {
        JsonNode documented = JSON.readTree(readmeBlock("stats-json"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(Percentiles.forTimers());
        try (ShopServer shop = ShopServer.start(registry, r -> new StatsServlet(r, Duration.ofMillis(50)), b -> b)) {
            shop.metrics.statsd().increment("orders.placed", "country", "IS");
            shop.traffic();
            JsonNode served = JSON.readTree(shop.get("/stats?format=prettyjson&history=false&query="
                    + URLEncoder.encode(documented.get("query").asText(), StandardCharsets.UTF_8)).body());

            assertThat(fields(served)).isEqualTo(fields(documented));
            assertThat(served.get("meters")).hasSameSizeAs(documented.get("meters"));
            for (int i = 0; i < documented.get("meters").size(); i++) {
                JsonNode want = documented.get("meters").get(i);
                JsonNode got = served.get("meters").get(i);
                assertThat(got.get("name")).isEqualTo(want.get("name"));
                assertThat(got.get("type")).isEqualTo(want.get("type"));
                assertThat(fields(got)).as(want.get("name").asText()).isEqualTo(fields(want));
                assertThat(fields(got.get("tags"))).isEqualTo(fields(want.get("tags")));
                for (String nested : List.of("rate", "cpu", "allocated")) {
                    if (want.has(nested)) {
                        assertThat(fields(got.get(nested))).isEqualTo(fields(want.get(nested)));
                    }
                }
            }
        }
    }

    /** The stats file goes to {@code java.io.tmpdir} by default: the example's JVM has one of the test's. */
    @Test
    void reportersInCodeLeaveAFinalReportAndAClosedStatsFile() throws Exception {
        assertThat(runnerExample("reporters")).isEqualTo(readmeBlock("reporters"));
        Path tmpdir = Files.createDirectories(dir.resolve("tmpdir"));
        Path logDir = Files.createDirectories(dir.resolve("log"));

        long pid = Long.parseLong(runExample("reporters", "-Djava.io.tmpdir=" + tmpdir, logDir.toString()).out()
                .strip());

        JsonNode report = JSON.readTree(logDir.resolve("metrics.json").toFile());
        assertThat(report.get("pid").asLong()).isEqualTo(pid);
        assertThat(report.get("meters").get(0).get("name").asText()).isEqualTo("orders.placed");
        StatsMapping.Snapshot snapshot = StatsMapping.open(tmpdir.resolve("shop-" + pid + ".vmstats")).read();
        assertThat(snapshot.closed()).isTrue();
        assertThat(snapshot.records()).extracting(StatsRecord::name).contains("orders.placed");
    }

    @Test
    void reportingListenerFromWebXmlWritesBothAndClosesThemWithTheApp() throws Exception {
        WebAppContext context = ShopWebApp.with(dir, readmeBlock("reporting-web.xml"));
        Path json = TMP.resolve("shop-" + PID + ".json");
        Path stats = TMP.resolve("shop-" + PID + ".vmstats");
        try {
            try (LoopbackServer server = LoopbackServer.start(context)) {
                server.get("/shop/users/42");
                ReportingListener listener = context.getEventListeners().stream()
                        .filter(ReportingListener.class::isInstance).map(ReportingListener.class::cast).findFirst()
                        .orElseThrow();
                listener.publisher().publish();

                assertThat(listener.reporter().file()).isEqualTo(json);
                assertThat(StatsMapping.open(stats).read().records()).anySatisfy(record -> {
                    assertThat(record.name()).isEqualTo("view.duration");
                    assertThat(record.tag("route")).isEqualTo("/shop/users/{id}");
                });
            }
            assertThat(StatsMapping.open(stats).read().closed()).as("closed with the application").isTrue();
            assertThat(Files.readString(json)).contains("\"route\": \"/shop/users/{id}\"");
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(stats);
        }
    }

    @Test
    void slurpstatsOutputIsWhatTheCommandPrints() throws Exception {
        List<String> block = readmeBlock("slurpstats").lines().toList();
        assertThat(block.get(0)).isEqualTo("$ stats/bin/slurpstats /tmp/shop-4242.vmstats");
        Path file = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);

        ChildJvm.Result result = cli("slurpstats", file.toString());

        String updated = block.get(2).replaceAll(".*updated (\\S+),.*", "$1");
        assertThat(result.out().replace(file.toString(), "/tmp/shop-4242.vmstats")
                .replace("pid " + PID + " ", "pid 4242 ").replaceAll("updated \\S+Z,", "updated " + updated + ","))
                .isEqualTo(String.join("\n", block.subList(1, block.size())) + "\n");
    }

    @Test
    void pollstatsOutputHasTheColumnsTheCommandPrints() throws Exception {
        List<String> block = readmeBlock("pollstats").lines().toList();
        assertThat(block.get(0)).isEqualTo("$ stats/bin/pollstats jobs.done,jobs.time,jobs.queue");
        SampleStats.Jobs jobs = new SampleStats.Jobs(MmapWriter.create(dir.resolve("worker-" + PID + ".vmstats"), PID,
                64 * 1024, 1000));
        jobs.job();

        ChildJvm.Result result = cli("pollstats", "-n", "1", "-i", "0.1", "jobs.done,jobs.time,jobs.queue",
                dir.toString());

        List<String> printed = result.out().lines().toList();
        assertThat(printed.subList(0, 2)).isEqualTo(block.subList(1, 3));
        Pattern row = Pattern.compile(" *\\d+ +\\d+ +(\\d+\\.\\d{3}|-) +\\d+");
        for (String line : concat(block.subList(3, block.size()), printed.subList(2, printed.size()))) {
            assertThat(line).hasSameSizeAs(block.get(1)).matches(row);
        }
    }

    @Test
    void cleanstatsOutputIsWhatTheCommandPrints() throws Exception {
        List<String> block = readmeBlock("cleanstats").lines().toList();
        assertThat(block.get(0)).isEqualTo("$ stats/bin/cleanstats");
        Process finished = new ProcessBuilder(ChildJvm.command(ChildJvm.mainClassesOnly(), StatsCli.class.getName(),
                List.of("help"))).start();
        finished.waitFor();
        SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);
        SampleStats.write(dir.resolve("worker-" + finished.pid() + ".vmstats"), finished.pid());

        ChildJvm.Result result = cli("cleanstats", dir.toString());

        assertThat(result.out().replace(dir.toString(), "/tmp").replace(Long.toString(PID), "4242")
                .replace(Long.toString(finished.pid()), "23130"))
                .isEqualTo(String.join("\n", block.subList(1, block.size())) + "\n");
    }

    // --- the Java examples, exactly as in the README

    private static void mountStats(ServletContext servletContext, ViewMetrics metrics) {
        // readme-example: stats-servlet
        ServletRegistration.Dynamic stats = servletContext.addServlet("stats", new StatsServlet(metrics.registry()));
        stats.addMapping("/admin/stats");
        stats.setLoadOnStartup(1); // rates are sampled from start-up on
        stats.setInitParameter("stats.allow", "127.0.0.0/8, ::1/128, 10.0.0.0/8");
        // end readme-example
    }

    // --- helpers

    /** A web application at {@code /shop}: the README's filter, the snippet, and a servlet on /users/*. */
    private ChildJvm.Result cli(String... args) throws Exception {
        return ChildJvm.run(dir, ChildJvm.command(ChildJvm.mainClassesOnly(), StatsCli.class.getName(), List.of(args)));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String readmeBlock(String name) throws Exception {
        return ReadmeExamples.block(README, name);
    }

    static String javaExample(String name) throws Exception {
        return ReadmeExamples.region(SOURCE, name);
    }

    static String runnerExample(String name) throws Exception {
        return ReadmeExamples.region(SOURCE.resolveSibling("ReportExampleRunner.java"), name);
    }

    /** Runs an example of {@link ReportExampleRunner} in a JVM with no environment variables; {@code -D…} first. */
    private ChildJvm.Result runExample(String name, String... more) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(ChildJvm.testClasspath(),
                ReportExampleRunner.class.getName(), List.of(name)));
        for (String arg : more) {
            command.add(arg.startsWith("-D") ? 1 : command.size(), arg);
        }
        ChildJvm.Result result = ChildJvm.run(dir, command);
        assertThat(result.status()).as(result.toString()).isZero();
        return result;
    }
}
