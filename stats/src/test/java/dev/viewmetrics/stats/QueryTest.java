package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ?query= grammar: key:value tags with *, numeric comparisons, words, negation; all terms must match. */
class QueryTest {

    private List<StatRow> rows;

    @BeforeEach
    void meters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        time(registry, "/users/{id}", "200", 12, Duration.ofMillis(10), Duration.ofMillis(4));
        time(registry, "/users/{id}/orders", "200", 3, Duration.ofMillis(300), Duration.ofMillis(40));
        time(registry, "/health", "503", 1, Duration.ofMillis(1), Duration.ofMillis(1));
        registry.counter("viewmetrics.errors", "kind", "IOException").increment(2);
        registry.gauge("view.active", 7);
        rows = StatRows.of(MeterReader.readAll(registry), new RateTracker());
    }

    @Test
    void tagTermsMatchWholeValuesWithStars() {
        assertThat(routes("route:/users/{id}")).containsExactly("/users/{id}");
        assertThat(routes("route:/users/*")).containsExactly("/users/{id}", "/users/{id}/orders");
        assertThat(routes("status:5*")).containsExactly("/health");
        assertThat(routes("route:/users")).isEmpty();
    }

    @Test
    void nameAndTypeAreKeysToo() {
        assertThat(names("name:view.*")).containsExactly("view.active", "view.duration", "view.duration",
                "view.duration");
        assertThat(names("name:view.cpu")).as("a CPU timer finds its pair").hasSize(3);
        assertThat(names("type:counter")).containsExactly("viewmetrics.errors");
        assertThat(names("kind:IOException")).containsExactly("viewmetrics.errors");
    }

    @Test
    void comparisonsUseMillisecondsAndSkipRowsWithoutTheField() {
        assertThat(routes("count>=3")).containsExactly("/users/{id}", "/users/{id}/orders");
        assertThat(routes("count>3")).containsExactly("/users/{id}");
        assertThat(routes("count=1")).containsExactly("/health");
        assertThat(routes("count!=12")).containsExactly("/health", "/users/{id}/orders");
        assertThat(routes("mean>100")).containsExactly("/users/{id}/orders");
        assertThat(routes("max<=10")).containsExactly("/health", "/users/{id}");
        assertThat(routes("cpu.mean>=40")).containsExactly("/users/{id}/orders");
        assertThat(names("value>5")).containsExactly("view.active");
        assertThat(names("count>=2")).contains("viewmetrics.errors").doesNotContain("view.active");
        assertThat(names("p95>0")).as("no percentiles kept, so none compare").isEmpty();
    }

    @Test
    void wordsSearchNamesAndTagValuesIgnoringCase() {
        assertThat(routes("ORDERS")).containsExactly("/users/{id}/orders");
        assertThat(names("ioexception")).containsExactly("viewmetrics.errors");
    }

    @Test
    void everyTermMustMatchAndAMinusNegates() {
        assertThat(routes("route:/users/* count<10")).containsExactly("/users/{id}/orders");
        assertThat(routes("name:view.duration -route:/health")).containsExactly("/users/{id}",
                "/users/{id}/orders");
        assertThat(names("-name:view.*")).containsExactly("viewmetrics.errors");
    }

    @Test
    void blankMatchesEverything() {
        assertThat(filter(Query.parse(null))).hasSameSizeAs(rows);
        assertThat(filter(Query.parse("   "))).hasSameSizeAs(rows);
    }

    @Test
    void badTermsSayWhatIsWrong() {
        assertThatThrownBy(() -> Query.parse("count>=many")).hasMessage("'many' in 'count>=many' is not a number");
        assertThatThrownBy(() -> Query.parse("latency>5")).hasMessageStartingWith(
                "unknown field 'latency' in 'latency>5'; fields: count, m1, m5, m15, mean, max, total, p50, p95, p99, "
                        + "value, cpu.mean");
    }

    private List<String> routes(String query) {
        List<String> routes = new ArrayList<>();
        for (StatRow row : filter(Query.parse(query))) {
            if (row.meter().tag("route") != null) {
                routes.add(row.meter().tag("route"));
            }
        }
        return routes;
    }

    private List<String> names(String query) {
        return filter(Query.parse(query)).stream().map(StatRow::name).toList();
    }

    private List<StatRow> filter(Query query) {
        return rows.stream().filter(query::test).toList();
    }

    private static void time(SimpleMeterRegistry registry, String route, String status, int count, Duration wall,
            Duration cpu) {
        for (int i = 0; i < count; i++) {
            Timer.builder("view.duration").tags("route", route, "status", status).register(registry).record(wall);
            Timer.builder("view.cpu").tags("route", route, "status", status).register(registry).record(cpu);
        }
    }
}
