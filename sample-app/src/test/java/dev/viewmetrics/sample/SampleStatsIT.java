package dev.viewmetrics.sample;

import dev.viewmetrics.core.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's numbers without an agent: the stats page in a real headless browser, the JSON report and the live
 * memory-mapped stats read by {@code slurpstats} from another process, while the app runs and after it stopped.
 */
class SampleStatsIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
