package dev.viewmetrics.stats;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How each kind of meter is laid out on the page. */
class HtmlPageTest {

    @Test
    void eachKindOfMeterHasItsTable() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.timer("home.feed", "route", "/home").record(Duration.ofMillis(12));
        registry.timer("home.feed.cpu", "route", "/home").record(Duration.ofMillis(4));
        DistributionSummary.builder("upload.size").baseUnit("bytes").register(registry).record(2048);
        registry.counter("orders.placed", "country", "IS").increment(2);
        LongTaskTimer.Sample running = LongTaskTimer.builder("reports.running").register(registry).start();
        registry.gauge("queue.depth", 5);

        String html = HtmlPage.render(StatRows.of(MeterReader.readAll(registry), new RateTracker()),
                new HtmlPage.Info(42, Instant.parse("2026-01-02T03:04:05Z"), null, null));

        assertThat(html).contains("<h2>home.feed <small>+ home.feed.cpu</small></h2>")
                .contains("<td class=\"n g\" data-v=\"12.0\">12</td>")
                .contains("<h2>upload.size</h2>").contains("value (bytes)")
                .contains("<h2>counters</h2>").contains("<td data-v=\"country=IS\">country=IS</td>")
                .contains("<h2>gauges and other meters</h2>")
                .contains("<td class=\"n\" data-v=\"5.0\">5</td>")
                .containsPattern("<td data-v=\"long_task_timer\">long_task_timer</td><td class=\"n\" data-v=\"1.0\">"
                        + "1 active, [0-9.]+ ms</td>")
                .contains("pid 42 &middot; 2026-01-02T03:04:05Z &middot; 5 rows");
        running.stop();
    }

    @Test
    void anEmptyRegistrySaysSo() {
        String html = HtmlPage.render(java.util.List.of(), new HtmlPage.Info(1, Instant.now(), "count>5", null));
        assertThat(html).contains("<p class=\"empty\">No meters match this query.</p>")
                .contains("value=\"count&gt;5\"").contains("href=\"?format=json&amp;query=count%3E5\"");
    }
}
