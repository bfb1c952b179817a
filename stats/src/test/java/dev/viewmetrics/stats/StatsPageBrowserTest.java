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
                    "p99", "max", "cpu.mean", "cpu.p50", "cpu.p95", "cpu.p99", "cpu.max", "allocated.mean",
                    "allocated.p50", "allocated.p95", "allocated.p99", "allocated.max");
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

    @Test
    void sparklineHasAPointForEachOfTwoMinutesAndTheDetailViewDrawsItsCharts(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.installed(tmp);
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            String stats = history.shop.server.base() + "/stats";
            String dom = chromium.dumpDom(stats);

            Matcher users = Pattern.compile("<tr><td data-v=\"/users/\\{id}\">/users/\\{id}</td><td class=\"n g spark\" "
                    + "data-v=\"6\"><a href=\"\\?row=([0-9a-f]{16})\"[^>]*><svg[^>]*><title>([^<]*)</title>"
                    + "<line class=\"b\"[^>]*>(?:</line>)?<path class=\"r\" d=\"([^\"]*)\"(?:/>|></path>)<path class=\"t\" d=\"([^\"]*)\"").matcher(dom);
            assertThat(users.find()).as("the /users/{id} row has a sparkline linking its detail view").isTrue();
            assertThat(users.group(2)).startsWith("last hour: 6 events, up to 0.300/s; p99 up to ");
            List<Double> rateX = xs(users.group(3));
            List<Double> timeX = xs(users.group(4));
            assertThat(timeX).as("p99 of 10:00 and of 10:01, side by side at the right end").hasSize(2);
            assertThat(timeX.get(1) - timeX.get(0)).isEqualTo(2.0);
            assertThat(rateX).as("the rate of both minutes").isEqualTo(timeX);

            String detailUrl = stats + "?row=" + users.group(1);
            String detail = chromium.dumpDom(detailUrl);
            assertThat(detail).contains("<title>viewmetrics stats \u00b7 view.duration /users/{id}</title>");
            for (String span : List.of("hour", "day")) {
                String section = detail.substring(detail.indexOf("data-span=\"" + span + "\""));
                section = section.substring(0, section.indexOf("</section>"));
                for (String chart : List.of("wall", "rate", "cpu", "errors")) {
                    assertThat(section).as(span + " " + chart).contains("<figure class=\"chart\" data-chart=\""
                            + chart + "\">");
                }
                assertThat(section).as("axes with times").contains("text-anchor=\"middle\">")
                        .contains("text-anchor=\"end\">0</text>");
                Matcher mean = Pattern.compile("data-chart=\"wall\">.*?<path class=\"line c0\" d=\"([^\"]*)\"",
                        Pattern.DOTALL).matcher(section);
                assertThat(mean.find()).isTrue();
                assertThat(xs(mean.group(1))).as(span + ": the mean of each bucket with events")
                        .hasSize(span.equals("hour") ? 2 : 1);
            }
            assertThat(detail).as("the read-out script ran and shows the newest bucket")
                    .contains("data-at=\"59\"")
                    .containsPattern("<p class=\"readout\" aria-live=\"polite\">10:01 UTC \u00b7 3 events \u00b7 "
                            + "0.060/s \u00b7 mean [0-9.]+ ms \u00b7 p99 [0-9.]+ ms")
                    .contains("visibility=\"visible\"");

            screenshot(chromium, stats, "stats-sparklines", 1280, 900);
            screenshot(chromium, detailUrl, "stats-detail", 1280, 1400);
            screenshot(chromium, detailUrl, "stats-detail-phone", 412, 915);
        }
    }

    /** {@code target/screenshots/NAME-jdkN.png} of {@code url}: a PNG that shows something. */
    private static void screenshot(Chromium chromium, String url, String name, int width, int height)
            throws Exception {
        Path png = Files.createDirectories(SCREENSHOTS).resolve(name + "-jdk"
                + System.getProperty("java.specification.version") + ".png");
        chromium.screenshot(url, png, width, height);
        assertThat(Files.readAllBytes(png)).as(png + " is a PNG").startsWith(0x89, 'P', 'N', 'G')
                .hasSizeGreaterThan(10_000);
    }

    @Test
    void theDetailViewOfAHostileRouteRunsNoInjectedScript(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.installed(tmp);
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            String id = history.meter(ShopServer.HOSTILE_ROUTE).at("/history/id").asText();

            String dom = chromium.dumpDom(history.shop.server.base() + "/stats?row=" + id);

            assertThat(dom).contains("<title>viewmetrics stats \u00b7 view.duration /x/&lt;script&gt;")
                    .doesNotContain("<script>document.title").contains("data-at=\"59\"");
        }
    }

    /** The x coordinates of the points of an SVG path of {@link SvgPath}. */
    private static List<Double> xs(String d) {
        List<Double> xs = new ArrayList<>();
        Matcher matcher = Pattern.compile("[ML]([0-9.]+) ").matcher(d);
        while (matcher.find()) {
            xs.add(Double.parseDouble(matcher.group(1)));
        }
        return xs;
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
