package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viewmetrics.stats.history.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A {@link ShopServer} whose stats page samples every 50 ms and reads a manual clock, and the same traffic in two
 * different minutes (10:00 and 10:01 UTC): the history of two minutes in a second or two, with no fixed waits
 * (each step polls the page until the sampler has seen it).
 */
final class ShopHistory implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-21T10:00:30Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    final ShopServer shop;
    final ManualClock clock;

    private ShopHistory(ShopServer shop, ManualClock clock) {
        this.shop = shop;
        this.clock = clock;
    }

    /** Started, with percentiles on every timer, and sampled once (that pass is where counting starts). */
    static ShopHistory start() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(Percentiles.forTimers());
        ManualClock clock = new ManualClock(START);
        ShopHistory history = new ShopHistory(ShopServer.start(registry,
                r -> new StatsServlet(r, Duration.ofMillis(50), clock), b -> b), clock);
        history.await("/stats", meter -> meter.has("history"));
        return history;
    }

    /**
     * {@link ShopServer#traffic()} at 10:00:30, a pass at 10:00:40, the same traffic at 10:01:30: three requests to
     * /users/{id} in each minute, one to /orders/{id}, one to the hostile route.
     */
    ShopHistory twoMinutesOfTraffic() throws Exception {
        shop.traffic();
        await("/users/{id}", users -> hour(users, "count", 59) == 3);
        clock.advance(Duration.ofSeconds(10));
        await("/users/{id}", users -> !users.at("/history/hour/rate/59").isNull());
        clock.advance(Duration.ofSeconds(50));
        shop.traffic();
        await("/users/{id}", users -> hour(users, "count", 58) == 3 && hour(users, "count", 59) == 3);
        return this;
    }

    /** The {@code view.duration} meter of {@code route} from {@code ?format=json&history=true}. */
    JsonNode meter(String route) throws Exception {
        HttpResponse<String> response = shop.get("/stats?format=json&history=true&query="
                + URLEncoder.encode("name:view.duration route:" + route, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        JsonNode meters = JSON.readTree(response.body()).get("meters");
        return meters.isEmpty() ? JSON.nullNode() : meters.get(0);
    }

    /** Polls until the meter of {@code route} satisfies {@code condition}. */
    void await(String route, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        JsonNode meter = null;
        while (System.nanoTime() < deadline) {
            meter = meter(route);
            if (!meter.isNull() && condition.test(meter)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the history of " + route + " did not get there in " + DEADLINE + ": " + meter);
    }

    private static double hour(JsonNode meter, String field, int bucket) {
        JsonNode value = meter.at("/history/hour/" + field + "/" + bucket);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    @Override
    public void close() {
        shop.close();
    }
}
