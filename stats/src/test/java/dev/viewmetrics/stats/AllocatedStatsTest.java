package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.ChildJvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viewmetrics.core.testing.Servlets;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code view.allocated}, recorded by the filter in a real Jetty, shown beside wall and CPU time wherever the
 * numbers are read: the stats page (KiB), its JSON and the JSON file report (bytes), the {@code .vmstats} file and
 * what {@code slurpstats} and {@code pollstats} print of it (KiB).
 */
class AllocatedStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024 * 1024;
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @AutoClose
    private ShopServer server;

    /** The shop with its usual traffic, and one request to {@code /export/{id}} that allocates 2 MiB. */
    private ShopServer shop() throws Exception {
        server = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                builder -> builder.servlet("/export/*", Servlets.allocating())).traffic();
        if (server.get("/export/2048").statusCode() != 200) {
            throw new AssertionError("/export/2048 failed");
        }
        return server;
    }

    private static DistributionSummary exportAllocated(ShopServer shop) {
        return shop.registry.get("view.allocated").tag("route", "/export/{id}").summary();
    }

    @Test
    void thePageShowsAllocatedKibNextToCpuTime() throws Exception {
        ShopServer shop = shop();
        String page = shop.get("/stats").body();

        assertThat(page)
                .contains("<h2>view.duration <small>+ view.cpu</small> <small>+ view.allocated</small></h2>")
                .contains("<th class=\"g\" colspan=\"5\">CPU time (ms)</th><th class=\"g\" colspan=\"5\">"
                        + "allocated (KiB)</th>")
                .contains("data-key=\"allocated.mean\"", "data-key=\"allocated.p95\"", "data-key=\"allocated.max\"")
                .doesNotContain("<h2>view.allocated");
        String row = row(page, "/export/{id}");
        String kib = HtmlPage.display(exportAllocated(shop).mean() / 1024);
        assertThat(row).as("the KiB mean follows the five CPU cells").containsPattern(
                "(<td class=\"n[^\"]*\" data-v=\"[^\"]*\">[^<]*</td>){5}<td class=\"n g\" data-v=\"[0-9.E]+\">"
                        + Pattern.quote(kib) + "</td>");
        assertThat(Double.parseDouble(kib)).isCloseTo(2048, within(205.0));
    }

    @Test
    void theJsonPairsAllocatedBytesWithTheWallTimer() throws Exception {
        ShopServer shop = shop();
        JsonNode json = JSON.readTree(shop.get("/stats?format=json").body());

        JsonNode allocated = StatsPageTest.meter(json, "view.duration", "/export/{id}").get("allocated");
        assertThat(allocated.get("name").asText()).isEqualTo("view.allocated");
        assertThat(allocated.get("unit").asText()).isEqualTo("bytes");
        assertThat(allocated.get("count").asLong()).isEqualTo(1);
        assertThat(allocated.get("total").asDouble()).isCloseTo(2 * MIB, within(0.2 * MIB));
        assertThat(allocated.get("mean").asDouble()).isEqualTo(allocated.get("total").asDouble());
        assertThat(allocated.fieldNames()).toIterable().containsExactly("name", "count", "unit", "mean", "max",
                "total", "p50", "p95", "p99");
        assertThat(StatsPageTest.meter(json, "view.duration", "/users/{id}").get("allocated").get("count").asLong())
                .isEqualTo(3);
        assertThat(StatsPageTest.names(json)).doesNotContain("view.allocated");
    }

    @Test
    void queriesFilterOnAllocatedBytes() throws Exception {
        ShopServer shop = shop();
        assertThat(StatsPageTest.routes(shop, "allocated.mean>1048576")).containsExactly("/export/{id}");
        assertThat(StatsPageTest.routes(shop, "name:view.allocated route:/users/*")).containsExactly("/users/{id}");
    }

    @Test
    void theJsonFileReportHasTheAllocatedBytes() throws Exception {
        ShopServer shop = shop();
        Path file = dir.resolve("shop.json");
        JsonFileReporter.builder(shop.registry).file(file).start().close();

        JsonNode report = JSON.readTree(Files.readAllBytes(file));
        JsonNode allocated = StatsPageTest.meter(report, "view.duration", "/export/{id}").get("allocated");
        assertThat(allocated.get("unit").asText()).isEqualTo("bytes");
        assertThat(allocated.get("total").asDouble()).isCloseTo(exportAllocated(shop).totalAmount(), within(1.0));
    }

    @Test
    void theStatsFileKeepsTheUnitAndTheCommandsShowKib() throws Exception {
        ShopServer shop = shop();
        Path file;
        try (MmapPublisher publisher = MmapPublisher.builder(shop.registry).directory(dir).service("shop")
                .start()) {
            file = publisher.file();
        }
        StatsRecord record = StatsMapping.open(file).read().records().stream()
                .filter(r -> r.name().equals("view.allocated") && "/export/{id}".equals(r.tag("route")))
                .findFirst().orElseThrow();
        assertThat(record.kind()).isEqualTo(MeterKind.SUMMARY);
        assertThat(record.unit()).isEqualTo("bytes");
        assertThat(record.value(MmapLayout.TOTAL)).isEqualTo(exportAllocated(shop).totalAmount());

        String slurped = cli("slurpstats", file.toString()).out();
        Matcher line = Pattern.compile("view\\.allocated\\{[^}]*route=/export/\\{id}[^}]*} +summary +count=1 "
                + "mean=([0-9.]+)KiB max=([0-9.]+)KiB").matcher(slurped);
        assertThat(line.find()).as(slurped).isTrue();
        assertThat(Double.parseDouble(line.group(1))).isCloseTo(exportAllocated(shop).mean() / 1024,
                within(0.001));

        List<String> polled = cli("pollstats", "-n", "0", "view.allocated{route=/export/{id}}", file.toString())
                .out().lines().toList();
        assertThat(polled.get(1)).matches(" *count +mean KiB");
        assertThat(polled.get(2)).matches(" *1 +" + Pattern.quote(ShownUnit.of(MeterKind.SUMMARY, "bytes")
                .format(exportAllocated(shop).mean())));
    }

    @Test
    void aRecordWithoutAUnitReadsAsNone() throws Exception {
        MmapWriter writer = MmapWriter.create(dir.resolve("units.vmstats"), PID, 4096, 1000);
        writer.add(MeterKind.SUMMARY, "upload.size", List.of("k", "v"));
        writer.add(MeterKind.SUMMARY, "upload.bytes", List.of(), "bytes");

        List<StatsRecord> records = StatsMapping.open(dir.resolve("units.vmstats")).read().records();

        assertThat(records).extracting(StatsRecord::unit).containsExactly(null, "bytes");
        assertThat(records.get(0).tags()).containsExactly("k", "v");
    }

    /** The {@code <tr>} of the page whose first cell is {@code route}. */
    private static String row(String page, String route) {
        int cell = page.indexOf("<tr><td data-v=\"" + route + "\">");
        assertThat(cell).as("a row for %s", route).isNotNegative();
        return page.substring(cell, page.indexOf("</tr>", cell));
    }

    private ChildJvm.Result cli(String... args) throws Exception {
        ChildJvm.Result result = ChildJvm.run(dir, ChildJvm.command(ChildJvm.mainClassesOnly(),
                StatsCli.class.getName(), List.of(args)));
        assertThat(result.status()).as(result.toString()).isZero();
        return result;
    }
}
