package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.EtsyStatsd;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The etsy flavor's {@code view.allocated} in the real etsy statsd, flushing to its console backend: a timer series
 * whose count, median, 90th percentile and upper bound statsd computes (a {@code |h} line it would add up as a
 * counter).
 */
@Timeout(60)
class AllocationEtsyStatsdTest {

    private static final String NAME = "shop.prod.view.alloc._kib_.GET.200.allocated";
    private static final double MIB = 1024 * 1024;
    private static final int[] REQUESTS_KIB = {1024, 1024, 1024, 1024, 8192};

    @Test
    void etsyStatsdComputesPercentilesOfTheAllocatedBytes() throws Exception {
        try (EtsyStatsd statsd = EtsyStatsd.startFlushing(EtsyStatsd.Server.UDP, Duration.ofMillis(500));
                TestServer server = TestServer.builder("").initParam("statsd.host", "127.0.0.1")
                        .initParam("statsd.port", Integer.toString(statsd.port())).initParam("statsd.flavor", "etsy")
                        .initParam("service", "shop").initParam("environment", "prod")
                        .initParam("routes", "/alloc/{kib}").servlet("/alloc/*", Servlets.allocating()).start()) {
            for (int kib : REQUESTS_KIB) {
                assertThat(server.get("/alloc/" + kib).statusCode()).isEqualTo(200);
            }

            StreamLineServer.await(() -> flushedValues(statsd).size() == REQUESTS_KIB.length, Duration.ofSeconds(15),
                    statsd::log);
            List<Double> values = flushedValues(statsd);
            assertThat(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                    .isCloseTo(8 * MIB, within(0.8 * MIB));
            for (Map<String, Object> flush : statsd.flushes()) {
                assertThat(map(flush.get("counters"))).doesNotContainKey(NAME);
                List<Double> raw = list(map(flush.get("timers")).get(NAME));
                if (raw.isEmpty()) {
                    continue;
                }
                Map<String, Object> computed = map(map(flush.get("timer_data")).get(NAME));
                List<Double> sorted = raw.stream().sorted().toList();
                assertThat(computed.get("count")).isEqualTo((double) raw.size());
                assertThat(computed.get("upper")).isEqualTo(sorted.get(sorted.size() - 1));
                assertThat(computed.get("lower")).isEqualTo(sorted.get(0));
                assertThat(computed.get("median")).isEqualTo(median(sorted));
                assertThat((Double) computed.get("upper_90")).isBetween(sorted.get(0), sorted.get(sorted.size() - 1));
                assertThat(computed).containsKeys("mean_90", "count_90", "std");
            }
        }
    }

    /** Every value statsd flushed for the allocated bytes of the route, over all flushes so far. */
    private static List<Double> flushedValues(EtsyStatsd statsd) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Object> flush : statsd.flushes()) {
            values.addAll(list(map(flush.get("timers")).get(NAME)));
        }
        return values;
    }

    /** An object of statsd's output, as {@link EtsyStatsd.InspectParser} reads them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object object) {
        return (Map<String, Object>) object;
    }

    private static List<Double> list(Object values) {
        List<Double> list = new ArrayList<>();
        if (values instanceof List<?> items) {
            items.forEach(item -> list.add((Double) item));
        }
        return list;
    }

    private static double median(List<Double> sorted) {
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
