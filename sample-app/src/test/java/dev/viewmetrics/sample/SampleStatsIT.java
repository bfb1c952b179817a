package dev.viewmetrics.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viewmetrics.core.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's numbers without an agent: the stats page in a real headless browser, the JSON report and the live
 * memory-mapped stats read by {@code slurpstats} from another process, while the app runs and after it stopped; and
 * the history, charted from buckets of 2 s ({@code VIEWMETRICS_STATS_HISTORY_MINUTE}).
 */
class SampleStatsIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statsPageReportAndLiveStatsShowEveryRoute(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.installed(tmp);
        Path statsDir = Files.createDirectories(tmp.resolve("stats"));
        int port = SampleProcess.freePort();
        try (SampleProcess app = SampleProcess.start(Map.of("PORT", Integer.toString(port),
                "VIEWMETRICS_STATS_DIR", statsDir.toString()))) {
            app.awaitReady();
            for (String path : List.of("plain/users/1", "spring/orders/2", "spring/cpu?ms=5", "mixin/widgets/3")) {
                assertThat(app.send("GET", path).statusCode()).isEqualTo(200);
            }
            assertThat(app.send("GET", "").body()).contains("href=\"/stats\"");

            String stats = "http://127.0.0.1:" + port + "/stats";
            String dom = chromium.dumpDom(stats);
            assertThat(dom).contains("<title>viewmetrics stats</title>").contains("/plain/users/{id}")
                    .contains("/spring/orders/{orderId}").contains("/spring/cpu").contains("/mixin/widgets/{id}");
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve("sample-stats-page.png");
            chromium.screenshot(stats, png, 1280, 900);
            assertThat(Files.size(png)).isGreaterThan(10_000);

            Path live = single(statsDir, ".vmstats");
            assertThat(live.getFileName().toString()).matches("sample-\\d+\\.vmstats");
            String slurped = slurpstats(live);
            assertThat(slurped).contains("running").contains("route=/spring/orders/{orderId}")
                    .containsPattern("view\\.duration\\{[^}]*route=/plain/users/\\{id}[^}]*}\\s+timer\\s+count=1 ");

            app.stopGracefully();
            Path report = single(statsDir, ".json");
            assertThat(report.getFileName().toString()).matches("sample-\\d+\\.json");
            assertThat(Files.readString(report)).contains("\"route\": \"/mixin/widgets/{id}\"")
                    .contains("\"name\": \"view.cpu\"");
            assertThat(slurpstats(live)).as("the last values stay readable after exit")
                    .contains("route=/spring/orders/{orderId}");
        }
    }

    @Test
    void historyOfTheRunningSampleIsChartedFromTwoDifferentMinutes(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.installed(tmp);
        int port = SampleProcess.freePort();
        try (SampleProcess app = SampleProcess.start(Map.of("PORT", Integer.toString(port),
                "VIEWMETRICS_STATS_DIR", Files.createDirectories(tmp.resolve("stats")).toString(),
                "VIEWMETRICS_STATS_HISTORY_MINUTE", "2s"))) { // "minutes" of 2 s: two of them without waiting one
            app.awaitReady();
            JsonNode history = JSON.nullNode();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bucketsWithEvents(history).size() < 2) {
                assertThat(System.nanoTime()).as("two buckets with events within 60 s: " + history)
                        .isLessThan(deadline);
                assertThat(app.send("GET", "plain/users/1").statusCode()).isEqualTo(200);
                Thread.sleep(300);
                JsonNode meters = JSON.readTree(app.send("GET", "stats?format=json&history=true&query="
                        + URLEncoder.encode("name:view.duration route:/plain/users/{id}", StandardCharsets.UTF_8))
                        .body()).get("meters");
                // a row the history has not sampled yet has no "history" member: not yet, look again
                JsonNode sampled = meters.isEmpty() ? null : meters.get(0).get("history");
                history = sampled == null ? JSON.nullNode() : sampled;
            }
            assertThat(history.at("/hour/seconds").asDouble()).isEqualTo(2);
            assertThat(history.at("/day/seconds").asDouble()).isEqualTo(20);

            String stats = "http://127.0.0.1:" + port + "/stats";
            String dom = chromium.dumpDom(stats);
            String id = history.get("id").asText();
            Matcher spark = Pattern.compile("<a href=\"\\?row=" + id + "\"[^>]*><svg[^>]*><title>[^<]*</title>"
                    + "<line[^>]*>(?:</line>)?<path class=\"r\" d=\"[^\"]*\"(?:/>|></path>)<path class=\"t\" "
                    + "d=\"([^\"]*)\"").matcher(dom);
            assertThat(spark.find()).as("the /plain/users/{id} row links its sparkline to its history").isTrue();
            assertThat(spark.group(1).split("[ML]").length - 1).as("a point for each bucket with events")
                    .isGreaterThanOrEqualTo(2);

            String detail = chromium.dumpDom(stats + "?row=" + id);
            for (String chart : List.of("wall", "rate", "cpu", "errors")) {
                assertThat(detail).contains("<figure class=\"chart\" data-chart=\"" + chart + "\">");
            }
            assertThat(detail).as("the read-out script ran").containsPattern(
                    "<p class=\"readout\" aria-live=\"polite\">\\d\\d:\\d\\d:\\d\\d UTC \u00b7 \\d+ events");
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve("sample-stats-detail.png");
            chromium.screenshot(stats + "?row=" + id, png, 1280, 1400);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    /** The indices of the hour's buckets that have events. */
    private static List<Integer> bucketsWithEvents(JsonNode history) {
        List<Integer> buckets = new ArrayList<>();
        JsonNode counts = history.at("/hour/count");
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i).asDouble() > 0) {
                buckets.add(i);
            }
        }
        return buckets;
    }

    private static Path single(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertThat(matching).as("%s files in %s", suffix, dir).hasSize(1);
            return matching.get(0);
        }
    }

    /** {@code slurpstats file}, run from the sample's jar as a separate JVM (the CLI needs only the JDK). */
    private static String slurpstats(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", SampleProcess.JAR.toString(), "dev.viewmetrics.stats.StatsCli",
                "slurpstats", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
