package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10 000 distinct paths through the real filter: the cardinality guard turns all but the first routes into
 * {@code OTHER}, and the history keeps one fixed-size row per request row, so its size stops growing with the guard.
 */
class HistoryBoundTest {

    private static final int MAX_ROUTES = 500;

    @Test
    void tenThousandDistinctPathsLeaveTheHistoryAtOneFixedRowPerRouteTheGuardAdmits() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StatsServlet stats = new StatsServlet(registry, Duration.ofMillis(50));
        try (ShopServer shop = ShopServer.start(registry, r -> stats, b -> b)) {
            assertThat(shop.get("/stats").statusCode()).isEqualTo(200);
            History history = stats.history();

            requests(shop, 0, 2_000);
            await(() -> history.size() == requestTimers(registry).size());
            int rowsAfter2000 = history.size();

            requests(shop, 2_000, 10_000);
            Meter.Id other = registry.get("view.duration").tag("route", "OTHER").timer().getId();
            await(() -> hourCount(history, other) >= 10_000 - MAX_ROUTES);

            assertThat(history.size()).as("flat once the guard is full").isEqualTo(rowsAfter2000)
                    .isEqualTo(requestTimers(registry).size())
                    .isLessThanOrEqualTo(MAX_ROUTES + 2); // the routes admitted, OTHER, /stats
            for (Timer timer : requestTimers(registry)) {
                assertThat(history.lastHour(timer.getId()).size()).isEqualTo(History.HOUR_BUCKETS);
                assertThat(history.lastDay(timer.getId()).size()).isEqualTo(History.DAY_BUCKETS);
            }
        }
    }

    /** GET /users/{a word} for the words {@code from} to {@code to}: each path distinct, none an ID. */
    private static void requests(ShopServer shop, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            int status = shop.get("/users/" + word(i)).statusCode();
            assertThat(status).isEqualTo(200);
        }
    }

    /** {@code i} in letters: a, b, …, z, ba, bb, … (the fallback keeps words, so each is a route of its own). */
    private static String word(int i) {
        StringBuilder word = new StringBuilder();
        do {
            word.insert(0, (char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return "page" + word;
    }

    private static List<Timer> requestTimers(SimpleMeterRegistry registry) {
        return List.copyOf(registry.find("view.duration").timers());
    }

    private static double hourCount(History history, Meter.Id meter) {
        Series hour = history.lastHour(meter);
        double count = 0;
        for (int i = 0; hour != null && i < hour.size(); i++) {
            count += hour.known(i) ? hour.count(i) : 0;
        }
        return count;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
