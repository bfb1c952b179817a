package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stats page over real HTTP, with real requests recorded by the filter. */
class StatsPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pageShowsEachRouteWithWallAndCpuSideBySide() throws Exception {
        try (ShopServer shop = ShopServer.start().traffic()) {
            HttpResponse<String> page = shop.get("/stats");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-"));
            assertThat(page.body()).contains("<h2>view.duration <small>+ view.cpu</small>"
                            + " <small>+ view.allocated</small></h2>")
                    .contains("<td data-v=\"/users/{id}\">/users/{id}</td>")
                    .contains("<td data-v=\"/orders/{id}\">/orders/{id}</td>")
                    .contains("<p class=\"tags\">environment=test \u00b7 exception=none \u00b7 method=GET")
                    .contains("data-key=\"p95\"", "data-key=\"cpu.p95\"", "data-key=\"m15\"");
        }
    }

    @Test
    void jsonHasEveryMeterWithTimestampPidAndCpuPairedWithWall() throws Exception {
        try (ShopServer shop = ShopServer.start().traffic()) {
            HttpResponse<String> response = shop.get("/stats?format=json");

            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.get("version").asInt()).isEqualTo(1);
            assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(Instant.parse(json.get("timestamp").asText())).isBetween(Instant.now().minusSeconds(60),
                    Instant.now());
            JsonNode users = meter(json, "view.duration", "/users/{id}");
            assertThat(users.get("type").asText()).isEqualTo("timer");
            assertThat(users.get("unit").asText()).isEqualTo("ms");
            assertThat(users.get("count").asLong()).isEqualTo(3);
            assertThat(users.get("tags").get("service").asText()).isEqualTo("shop");
            assertThat(users.get("mean").asDouble()).isPositive();
            assertThat(users.get("p95").isNull()).as("no histogram, so no percentile").isTrue();
            assertThat(users.get("rate").has("m1")).isTrue();
            JsonNode cpu = meter(json, "view.duration", "/orders/{id}").get("cpu");
            assertThat(cpu.get("name").asText()).isEqualTo("view.cpu");
            assertThat(cpu.get("count").asLong()).isEqualTo(1);
            assertThat(cpu.get("total").asDouble()).isGreaterThanOrEqualTo(3.0);
            assertThat(names(json)).doesNotContain("view.cpu").contains("view.active");
        }
    }

    @Test
    void prettyJsonIsTheSameDataIndented() throws Exception {
        try (ShopServer shop = ShopServer.start().traffic()) {
            String compact = shop.get("/stats?format=json&query=route:/users/*").body();
            String pretty = shop.get("/stats?format=prettyjson&query=route:/users/*").body();

            assertThat(compact).doesNotContain("\n");
            assertThat(pretty).contains("\n  \"meters\": [\n    {\n      \"name\": \"view.duration\",");
            JsonNode a = JSON.readTree(compact);
            JsonNode b = JSON.readTree(pretty);
            assertThat(b.get("meters")).isEqualTo(a.get("meters"));
            assertThat(b.get("query").asText()).isEqualTo("route:/users/*");
        }
    }

    @Test
    void queryKeepsRowsByTagByNumberAndByWord() throws Exception {
        try (ShopServer shop = ShopServer.start().traffic()) {
            assertThat(routes(shop, "route:/users/{id}")).containsExactly("/users/{id}");
            assertThat(routes(shop, "name:view.duration count>=3")).containsExactly("/users/{id}");
            assertThat(routes(shop, "name:view.duration cpu.total>=3 -route:/stats")).containsExactly("/orders/{id}");
            assertThat(routes(shop, "name:view.duration -route:/users/* -route:/stats"))
                    .containsExactlyInAnyOrder("/orders/{id}", ShopServer.HOSTILE_ROUTE);
            assertThat(routes(shop, "ORDERS type:timer")).containsExactly("/orders/{id}");
            assertThat(routes(shop, "count>=1000")).isEmpty();
        }
    }

    @Test
    void badQueryIsRefusedWithTheReason() throws Exception {
        try (ShopServer shop = ShopServer.start()) {
            HttpResponse<String> html = shop.get("/stats?query=" + encode("count>=<b>lots"));
            assertThat(html.statusCode()).isEqualTo(400);
            assertThat(html.body()).contains("Bad query: &#39;&lt;b&gt;lots&#39; in &#39;count&gt;=&lt;b&gt;lots"
                    + "&#39; is not a number").doesNotContain("<b>lots");

            HttpResponse<String> json = shop.get("/stats?format=json&query=" + encode("speed>3"));
            assertThat(json.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(json.body()).get("error").asText())
                    .startsWith("bad query: unknown field 'speed' in 'speed>3'; fields: count, m1, m5, m15");

            assertThat(shop.get("/stats?format=xml").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void hostileRouteIsShownAsTextNeverAsMarkup() throws Exception {
        try (ShopServer shop = ShopServer.start().traffic()) {
            String html = shop.get("/stats").body();
            assertThat(html).doesNotContain("<script>document")
                    .contains("/x/&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");

            String json = shop.get("/stats?format=json").body();
            assertThat(json).doesNotContain("<script>").contains("\\u003cscript\\u003e");
            assertThat(routes(JSON.readTree(json))).contains(ShopServer.HOSTILE_ROUTE);
        }
    }

    @Test
    void onlyLoopbackUnlessStatsAllowListsTheClient() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.contextParam("stats.allow", "10.0.0.0/8, 2001:db8::/32"))) {
            HttpResponse<String> refused = shop.get("/stats");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("not allowed").contains("stats.allow");
        }
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.contextParam("stats.allow", "10.0.0.0/8, 127.0.0.1/32"))) {
            assertThat(shop.get("/stats").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void ipv6LoopbackIsAnsweredByDefault() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new, b -> b.ipv6())) {
            assertThat(shop.server.get(shop.server.baseIpv6().resolve("/stats")).statusCode()).isEqualTo(200);
            assertThat(shop.get("/stats").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theEnvironmentVariableReplacesTheListForIpv4AndIpv6Clients() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.ipv6().environment(Map.of("VIEWMETRICS_STATS_ALLOW", "::1/128")))) {
            assertThat(shop.server.get(shop.server.baseIpv6().resolve("/stats")).statusCode()).isEqualTo(200);
            assertThat(shop.get("/stats").statusCode()).as("127.0.0.1 is not listed").isEqualTo(403);
        }
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.ipv6().environment(Map.of("VIEWMETRICS_STATS_ALLOW", "127.0.0.0/8")))) {
            assertThat(shop.server.get(shop.server.baseIpv6().resolve("/stats")).statusCode())
                    .as("::1 is not listed").isEqualTo(403);
            assertThat(shop.get("/stats").statusCode()).isEqualTo(200);
        }
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.ipv6().environment(Map.of("VIEWMETRICS_STATS_ALLOW", "10.0.0.0/8"))
                        .contextParam("stats.allow", "::1"))) {
            assertThat(shop.server.get(shop.server.baseIpv6().resolve("/stats")).statusCode())
                    .as("the context-param wins over the environment").isEqualTo(200);
            assertThat(shop.get("/stats").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void refusalsAndBadRequestsAreNeitherCachedNorSniffed() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), StatsServlet::new,
                b -> b.contextParam("stats.allow", "10.0.0.0/8"))) {
            assertNotCachedNorSniffed(shop.get("/stats"), 403);
        }
        try (ShopServer shop = ShopServer.start()) {
            assertNotCachedNorSniffed(shop.get("/stats?format=xml"), 400);
            assertNotCachedNorSniffed(shop.get("/stats?query=" + encode("count>=lots")), 400);
            assertNotCachedNorSniffed(shop.get("/stats?format=json&query=" + encode("speed>3")), 400);
            assertNotCachedNorSniffed(shop.get("/stats"), 200);
        }
    }

    private static void assertNotCachedNorSniffed(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Cache-Control")).as("Cache-Control of a %d", status)
                .hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("X-Content-Type-Options of a %d",
                status).hasValue("nosniff");
    }

    @Test
    void badAllowListStopsTheServletAtStartNamingTheSetting() throws Exception {
        assertThat(FailingStart.of("stats.allow", "127.0.0.1/8, 10.0.0.0/33")).hasStackTraceContaining(
                "viewmetrics: setting 'stats.allow' must be a comma-separated list of IPv4 or IPv6 networks")
                .hasStackTraceContaining("'/33' in '10.0.0.0/33' is not a prefix length from 0 to 32");
    }

    @Test
    void ratesAppearOnceTheCountsHaveBeenSampled() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(),
                registry -> new StatsServlet(registry, Duration.ofMillis(100)), b -> b)) {
            shop.trafficUntilRatesShow();

            JsonNode rate = meter(JSON.readTree(shop.get("/stats?format=json").body()), "view.duration", "/users/{id}")
                    .get("rate");
            assertThat(rate.get("m1").asDouble()).isPositive();
            assertThat(rate.get("m5").asDouble()).isPositive();
            assertThat(rate.get("m15").asDouble()).isPositive();
        }
    }

    @Test
    void ratesAreUnknownBeforeTheSecondSample() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(),
                registry -> new StatsServlet(registry, Duration.ofHours(1)), b -> b).traffic()) {
            JsonNode rate = meter(JSON.readTree(shop.get("/stats?format=json").body()), "view.duration", "/users/{id}")
                    .get("rate");
            assertThat(rate.get("m1").isNull()).as("one sample (at start) so far: %s", rate).isTrue();
        }
    }

    @Test
    void registryIsFoundInTheServletContextAttributeTheFilterPublishes() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ShopServer shop = ShopServer.start(registry, r -> new StatsServlet(),
                b -> b.listener(publishing(StatsServlet.REGISTRY_ATTRIBUTE, registry)))) {
            shop.traffic();
            assertThat(routes(shop, "name:view.duration")).contains("/users/{id}", "/orders/{id}");
        }
    }

    @Test
    void aViewMetricsUnderAnAttributeNamedByTheInitParamIsFoundToo() throws Exception {
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), r -> new StatsServlet(),
                b -> b.contextParam("stats.registry-attribute", "shop.metrics"))) {
            shop.server.context().getServletContext().setAttribute("shop.metrics", shop.metrics);
            shop.traffic();
            assertThat(routes(shop, "name:view.duration route:/users/*")).containsExactly("/users/{id}");
        }
    }

    /** An application sharing its registry in the servlet context. */
    private static ServletContextListener publishing(String attribute, Object registry) {
        return new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                event.getServletContext().setAttribute(attribute, registry);
            }
        };
    }

    @Test
    void globalRegistryIsTheLastResort() throws Exception {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        Metrics.addRegistry(global);
        // no filter in this application: nothing published in the servlet context
        try (ShopServer shop = ShopServer.start(new SimpleMeterRegistry(), r -> new StatsServlet(),
                b -> b.withoutFilter())) {
            Metrics.counter("stats.page.global.test").increment(2);
            JsonNode json = JSON.readTree(shop.get("/stats?format=json&query=name:stats.page.global.test").body());
            assertThat(json.get("meters")).hasSize(1);
            assertThat(json.get("meters").get(0).get("count").asDouble()).isEqualTo(2);
        } finally {
            Metrics.removeRegistry(global);
            Metrics.globalRegistry.remove(Metrics.globalRegistry.find("stats.page.global.test").counter());
        }
    }

    static List<String> routes(ShopServer shop, String query) throws Exception {
        HttpResponse<String> response = shop.get("/stats?format=json&query=" + encode(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return routes(JSON.readTree(response.body()));
    }

    private static List<String> routes(JsonNode json) {
        List<String> routes = new ArrayList<>();
        json.get("meters").forEach(meter -> {
            if (meter.get("tags").has("route")) {
                routes.add(meter.get("tags").get("route").asText());
            }
        });
        return routes;
    }

    static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.get("meters").forEach(meter -> names.add(meter.get("name").asText()));
        return names;
    }

    static JsonNode meter(JsonNode json, String name, String route) {
        for (JsonNode meter : json.get("meters")) {
            if (meter.get("name").asText().equals(name) && route.equals(meter.get("tags").path("route").asText())) {
                return meter;
            }
        }
        throw new AssertionError("no " + name + " for " + route + " in " + json);
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
