package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.ManualClock;
import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sampling thread reads of a real registry into the history: each timer with its CPU and allocation. */
class HistorySamplerTest {

    private static final Tags REQUEST = Tags.of("route", "/users/{id}", "method", "GET", "status", "200",
            "outcome", "SUCCESS", "exception", "none");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:30Z"));
    private final History history = new History(clock, Duration.ofMinutes(1));
    private final HistorySampler sampler = new HistorySampler(history);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateTracker rates = new RateTracker();

    @Test
    void aRequestRowHasItsWallTimeCpuTimeAndAllocatedBytes() {
        Timer wall = registry.timer("view.duration", REQUEST);
        Timer cpu = registry.timer("view.cpu", REQUEST);
        DistributionSummary allocated = DistributionSummary.builder("view.allocated").baseUnit("bytes").tags(REQUEST)
                .register(registry);
        sampler.sample(registry, rates);
        clock.advance(Duration.ofSeconds(5));
        wall.record(Duration.ofMillis(30));
        wall.record(Duration.ofMillis(10));
        cpu.record(Duration.ofMillis(4));
        allocated.record(2048);
        allocated.record(4096);
        sampler.sample(registry, rates);

        Series hour = history.lastHour(wall.getId());
        assertThat(hour.count(59)).isEqualTo(2);
        assertThat(hour.mean(59)).isEqualTo(20);
        assertThat(hour.max(59)).isEqualTo(30);
        assertThat(hour.p99(59)).as("no percentiles kept").isNaN();
        assertThat(hour.cpu(59)).as("one request had its CPU time measured").isEqualTo(4);
        assertThat(hour.allocated(59)).isEqualTo(3072);
        assertThat(hour.errors(59)).isZero();
        assertThat(history.size()).as("view.cpu and view.allocated are part of the row, not rows").isEqualTo(1);
    }

    @Test
    void aTimingStatsBlockHasItsCpuTimerAndAllocationByName() {
        Tags route = Tags.of("route", "/home");
        Timer block = registry.timer("home.feed", route);
        Timer cpu = registry.timer("home.feed.cpu", route);
        DistributionSummary allocated = registry.summary("home.feed.allocated", route);
        registry.counter("orders.placed").increment();
        sampler.sample(registry, rates);
        clock.advance(Duration.ofMinutes(1));
        block.record(Duration.ofMillis(8));
        cpu.record(Duration.ofMillis(6));
        allocated.record(100);
        sampler.sample(registry, rates);

        Series hour = history.lastHour(block.getId());
        assertThat(hour.mean(59)).isEqualTo(8);
        assertThat(hour.cpu(59)).isEqualTo(6);
        assertThat(hour.allocated(59)).isEqualTo(100);
        assertThat(hour.hasErrors()).as("a block has no status").isFalse();
        assertThat(history.size()).as("counters have no history").isEqualTo(1);
    }

    @Test
    void withoutAnAllocationMeterThereIsNoAllocation() {
        Timer wall = registry.timer("view.duration", REQUEST);
        sampler.sample(registry, rates);
        clock.advance(Duration.ofSeconds(5));
        wall.record(Duration.ofMillis(1));
        sampler.sample(registry, rates);

        Series hour = history.lastHour(wall.getId());
        assertThat(hour.allocated(59)).isNaN();
        assertThat(hour.hasAllocated()).isFalse();
        assertThat(hour.hasCpu()).isFalse();
    }

    @Test
    void percentilesTheTimerKeepsGiveTheP99() {
        registry.config().meterFilter(Percentiles.forTimers());
        Timer wall = registry.timer("view.duration", REQUEST);
        sampler.sample(registry, rates);
        clock.advance(Duration.ofSeconds(5));
        for (int i = 1; i <= 100; i++) {
            wall.record(Duration.ofMillis(i));
        }
        sampler.sample(registry, rates);

        assertThat(history.lastHour(wall.getId()).p99(59)).isBetween(90.0, 110.0);
    }

    @Test
    void anotherRegistryStartsEveryMeterFromWhatItHolds() {
        Timer wall = registry.timer("view.duration", REQUEST);
        sampler.sample(registry, rates);
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        Timer busy = other.timer("view.duration", REQUEST);
        for (int i = 0; i < 1000; i++) {
            busy.record(Duration.ofMillis(1));
        }
        clock.advance(Duration.ofSeconds(5));

        sampler.sample(other, rates);

        assertThat(history.lastHour(wall.getId()).count(59)).as("its past is not this minute's").isZero();
    }
}
