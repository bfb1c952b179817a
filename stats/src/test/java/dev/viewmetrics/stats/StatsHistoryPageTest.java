package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The history over real HTTP: real requests through the filter in two different minutes of a manual clock. */
class StatsHistoryPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHistoryHasBothMinutesOfEachRowInBothWindows() throws Exception {
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            JsonNode users = history.meter("/users/{id}").get("history");
            assertThat(users.get("id").asText()).matches("[0-9a-f]{16}");

            JsonNode hour = users.get("hour");
            assertThat(hour.get("start").asText()).isEqualTo("2026-11-21T09:02:00Z");
            assertThat(hour.get("seconds").asDouble()).isEqualTo(60);
            assertThat(hour.get("buckets").asInt()).isEqualTo(60);
            for (String field : List.of("count", "rate", "mean", "p99", "max", "cpu", "allocated", "errors")) {
                assertThat(hour.get(field)).as(field).hasSize(60);
            }
            assertThat(hour.get("count").get(57).isNull()).as("before the history began").isTrue();
            assertThat(hour.get("count").get(58).asInt()).isEqualTo(3);
            assertThat(hour.get("count").get(59).asInt()).isEqualTo(3);
            assertThat(hour.get("rate").get(58).asDouble()).as("3 in the 10 s of 10:00 sampled").isEqualTo(0.3);
            assertThat(hour.get("rate").get(59).asDouble()).as("3 in the 50 s since").isEqualTo(0.06);
            for (int bucket : new int[] {58, 59}) {
                assertThat(hour.get("mean").get(bucket).asDouble()).isPositive();
                assertThat(hour.get("p99").get(bucket).asDouble()).isPositive();
                assertThat(hour.get("max").get(bucket).asDouble()).isGreaterThanOrEqualTo(
                        hour.get("mean").get(bucket).asDouble());
                assertThat(hour.get("cpu").get(bucket).asDouble()).isPositive();
                assertThat(hour.get("errors").get(bucket).asInt()).as("no 5xx for GET /users/{id}").isZero();
            }
            JsonNode day = users.get("day");
            assertThat(day.get("start").asText()).isEqualTo("2026-11-20T10:10:00Z");
            assertThat(day.get("seconds").asDouble()).isEqualTo(600);
            assertThat(day.get("count")).hasSize(144);
            assertThat(day.get("count").get(143).asInt()).as("10:00 to 10:10 holds both minutes").isEqualTo(6);
            assertThat(day.get("count").get(142).isNull()).isTrue();

            JsonNode orders = history.meter("/orders/{id}").get("history").get("hour");
            assertThat(orders.get("cpu").get(59).asDouble()).as("3 ms of CPU burnt").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void plainJsonCarriesEveryTimersHistoryAndHistoryFalseLeavesItOut() throws Exception {
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            JsonNode json = JSON.readTree(history.shop.get("/stats?format=json").body());
            json.get("meters").forEach(meter -> assertThat(meter.has("history")).as(meter.toString())
                    .isEqualTo(meter.get("type").asText().equals("timer")));

            JsonNode without = JSON.readTree(history.shop.get("/stats?format=json&history=false").body());
            without.get("meters").forEach(meter -> assertThat(meter.has("history")).as(meter.toString()).isFalse());
        }
    }

    @Test
    void eachTimerRowLinksItsSparklineToItsDetailView() throws Exception {
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            String page = history.shop.get("/stats").body();
            String id = history.meter("/users/{id}").at("/history/id").asText();

            assertThat(page).contains("<tr><td data-v=\"/users/{id}\">/users/{id}</td><td class=\"n g spark\" "
                    + "data-v=\"6\"><a href=\"?row=" + id + "\"");
            HttpResponse<String> detail = history.shop.get("/stats?row=" + id);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).matches("default-src 'none'; style-src 'sha256-[^']+'; "
                            + "script-src 'sha256-[^']+' 'sha256-[^']+'; .*"));
            assertThat(detail.body()).contains("<h2>view.duration</h2>", "route=/users/{id}",
                    "<section class=\"history\" data-span=\"hour\" data-last=\"59\">",
                    "<section class=\"history\" data-span=\"day\" data-last=\"143\">",
                    "data-chart=\"wall\"", "data-chart=\"rate\"", "data-chart=\"cpu\"", "data-chart=\"errors\"",
                    "<li>10:01 UTC \u00b7 3 events \u00b7 0.060/s \u00b7 mean ");

            JsonNode only = JSON.readTree(history.shop.get("/stats?format=json&row=" + id).body()).get("meters");
            assertThat(only).hasSize(1);
            assertThat(only.get(0).at("/tags/route").asText()).isEqualTo("/users/{id}");
            assertThat(only.get(0).at("/history/id").asText()).isEqualTo(id);
        }
    }

    @Test
    void theDetailViewOfAHostileRouteShowsItAsText() throws Exception {
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            String id = history.meter(ShopServer.HOSTILE_ROUTE).at("/history/id").asText();

            String detail = history.shop.get("/stats?row=" + id).body();

            assertThat(detail).doesNotContain("<script>document")
                    .contains("route=/x/&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
                    .contains("<title>viewmetrics stats \u00b7 view.duration /x/&lt;script&gt;");
            assertThat(scripts(detail)).as("only the chart script").hasSize(1);
        }
    }

    @Test
    void aRowThatIsNoRowIdIsRefusedAndAnUnknownOneIsNotFound() throws Exception {
        try (ShopHistory history = ShopHistory.start()) {
            HttpResponse<String> hostile = history.shop.get("/stats?row=%3Cscript%3E");
            assertThat(hostile.statusCode()).isEqualTo(400);
            assertThat(hostile.body()).contains("16 hex digits").doesNotContain("<script>");
            assertThat(history.shop.get("/stats?row=0123456789abcdef").statusCode()).isEqualTo(404);
            assertThat(history.shop.get("/stats?format=json&history=maybe").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aHistoryMinuteOutsideItsRangeStopsTheServletNamingTheSetting() throws Exception {
        assertThat(FailingStart.of("stats.history-minute", "5m")).hasStackTraceContaining(
                "viewmetrics: setting 'stats.history-minute' must be a duration from 1s to 1m");
    }

    private static List<String> scripts(String html) {
        List<String> scripts = new ArrayList<>();
        Matcher matcher = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (matcher.find()) {
            scripts.add(matcher.group(1));
        }
        return scripts;
    }
}
