package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.Chromium;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats page in a real browser: headless Chromium loads it from a running server that recorded real requests,
 * runs its script under the page's Content-Security-Policy, and leaves a DOM and screenshots to check.
 */
class StatsPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void browserShowsEveryRouteAsTextWithAllColumnsAndSortsByTheColumnAsked(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.installed(tmp);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(Percentiles.forTimers());
        try (ShopServer shop = ShopServer.start(registry, r -> new StatsServlet(r, Duration.ofMillis(200)), b -> b)) {
            shop.trafficUntilRatesShow().get("/users/1");
            String dom = chromium.dumpDom(shop.server.base() + "/stats#sort=count-desc");

            assertThat(dom).as("the hostile route's script never ran").contains("<title>viewmetrics stats</title>");
            assertThat(dom).doesNotContain("<script>document.title")
                    .contains("/x/&lt;script&gt;document.title='pwned'&lt;/script&gt;");
            String table = section(dom, "view.duration");
            assertThat(headerKeys(table)).containsExactly("route", "count", "m1", "m5", "m15", "mean", "p50", "p95",
                    "p99", "max", "cpu.mean", "cpu.p50", "cpu.p95", "cpu.p99", "cpu.max");
            assertThat(table).as("the script sorted by count, descending")
                    .contains("<th class=\"n g\" data-key=\"count\" tabindex=\"0\" aria-sort=\"descending\">count</th>");
            List<String> routes = firstCells(table);
            assertThat(routes.get(0)).isEqualTo("/users/{id}");
            assertThat(routes).containsExactlyInAnyOrder("/users/{id}", "/orders/{id}", "/stats",
                    "/x/&lt;script&gt;document.title='pwned'&lt;/script&gt;");
            assertThat(dom).contains("<h2>gauges and other meters</h2>").contains(">view.active<");

            Files.createDirectories(SCREENSHOTS);
            String jdk = System.getProperty("java.specification.version");
            Path desktop = SCREENSHOTS.resolve("stats-page-jdk" + jdk + ".png");
            Path phone = SCREENSHOTS.resolve("stats-page-phone-jdk" + jdk + ".png");
            chromium.screenshot(shop.server.base() + "/stats", desktop, 1280, 900);
            chromium.screenshot(shop.server.base() + "/stats", phone, 412, 915);
            for (Path png : List.of(desktop, phone)) {
                byte[] bytes = Files.readAllBytes(png);
                assertThat(bytes).as(png + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
                assertThat(bytes.length).as(png + " shows something").isGreaterThan(10_000);
            }
        }
    }

    private static String section(String dom, String name) {
        int start = dom.indexOf("data-name=\"" + name + "\"");
        assertThat(start).as("a table for " + name).isPositive();
        return dom.substring(start, dom.indexOf("</table>", start));
    }

    private static List<String> headerKeys(String table) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = Pattern.compile("data-key=\"([^\"]+)\"").matcher(table);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static List<String> firstCells(String table) {
        List<String> cells = new ArrayList<>();
        Matcher matcher = Pattern.compile("<tr><td data-v=\"[^\"]*\">([^<]*)</td>").matcher(table);
        while (matcher.find()) {
            cells.add(matcher.group(1));
        }
        return cells;
    }
}
