package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's history schema is what the page serves for a row with traffic in two minutes ({@link ShopHistory},
 * whose manual clock the example was taken with).
 */
class HistoryReadmeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ARRAYS = List.of("count", "rate", "mean", "p99", "max", "cpu", "allocated",
            "errors");

    @Test
    void historyJsonInTheReadmeIsWhatThePageServes() throws Exception {
        JsonNode documented = JSON.readTree(ReportReadmeTest.readmeBlock("stats-history-json"));
        try (ShopHistory history = ShopHistory.start().twoMinutesOfTraffic()) {
            JsonNode served = history.meter("/users/{id}").get("history");

            assertThat(fields(served)).isEqualTo(fields(documented)).containsExactly("day", "hour", "id");
            assertThat(documented.get("id").asText()).matches("[0-9a-f]{16}");
            for (String span : List.of("hour", "day")) {
                JsonNode want = documented.get(span);
                JsonNode got = served.get(span);
                assertThat(fields(got)).as(span).isEqualTo(fields(want));
                assertThat(got.get("seconds")).isEqualTo(want.get("seconds"));
                assertThat(got.get("buckets")).isEqualTo(want.get("buckets"));
                assertThat(got.get("start")).as("the same clock as the README's example").isEqualTo(want.get("start"));
                for (String array : ARRAYS) {
                    assertThat(got.get(array)).as(span + "." + array).hasSize(got.get("buckets").asInt());
                    assertThat(want.get(array)).as("the README shows three buckets").hasSize(3);
                }
            }
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
