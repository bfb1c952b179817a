package dev.viewmetrics.stats;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What is read from Micrometer's meters, and how the rows pair wall and CPU. */
class MeterReaderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void timersGiveCountTotalMaxInMillisecondsAndNoPercentilesUnlessKept() {
        Timer timer = registry.timer("work");
        timer.record(Duration.ofMillis(10));
        timer.record(Duration.ofMillis(30));

        MeterValues values = MeterReader.read(timer);

        assertThat(values.kind()).isEqualTo(MeterKind.TIMER);
        assertThat(values.count()).isEqualTo(2);
        assertThat(values.total()).isEqualTo(40);
        assertThat(values.mean()).isEqualTo(20);
        assertThat(values.max()).isEqualTo(30);
        assertThat(values.p50()).isNaN();
        assertThat(values.p99()).isNaN();
    }

    @Test
    void publishedPercentilesAreRead() {
        Timer timer = Timer.builder("work").publishPercentiles(0.5, 0.95, 0.99).register(registry);
        for (int i = 1; i <= 100; i++) {
            timer.record(Duration.ofMillis(i));
        }

        MeterValues values = MeterReader.read(timer);

        assertThat(values.p50()).isCloseTo(50, within(3.0));
        assertThat(values.p95()).isCloseTo(95, within(5.0));
        assertThat(values.p99()).isCloseTo(99, within(5.0));
    }

    @Test
    void percentilesAreEstimatedFromAHistogramWhenThatIsAllThereIs() {
        Timer timer = Timer.builder("work").serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(100)).register(registry);
        for (int i = 0; i < 50; i++) {
            timer.record(Duration.ofMillis(5));
        }
        for (int i = 0; i < 50; i++) {
            timer.record(Duration.ofMillis(60));
        }

        MeterValues values = MeterReader.read(timer);

        assertThat(values.p50()).as("half the values are at most 10 ms").isCloseTo(10, within(0.01));
        assertThat(values.p95()).as("inside the 20-100 ms bucket").isBetween(20.0, 100.0);
    }

    @Test
    void histogramInterpolationReadsCumulativeAndPerBucketCounts() {
        CountAtBucket[] cumulative = {new CountAtBucket(10.0, 10), new CountAtBucket(20.0, 30),
            new CountAtBucket(40.0, 40)};
        CountAtBucket[] perBucket = {new CountAtBucket(10.0, 10), new CountAtBucket(20.0, 20),
            new CountAtBucket(40.0, 10)};

        assertThat(MeterReader.fromHistogram(cumulative, 0.5, null)).isCloseTo(15, within(1e-9));
        assertThat(MeterReader.fromHistogram(perBucket, 0.5, null)).isCloseTo(15, within(1e-9));
        assertThat(MeterReader.fromHistogram(cumulative, 0.25, null)).isCloseTo(10, within(1e-9));
        CountAtBucket[] open = {new CountAtBucket(10.0, 1), new CountAtBucket(Double.POSITIVE_INFINITY, 10)};
        assertThat(MeterReader.fromHistogram(open, 0.99, null)).as("no bound to interpolate to").isNaN();
    }

    @Test
    void summariesCountersGaugesAndLongTaskTimersHaveTheirKinds() {
        DistributionSummary size = DistributionSummary.builder("upload.size").baseUnit("bytes").register(registry);
        size.record(100);
        size.record(300);
        registry.counter("jobs").increment(3);
        registry.gauge("depth", 4);
        LongTaskTimer.Sample running = LongTaskTimer.builder("reports.running").register(registry).start();

        List<MeterValues> values = MeterReader.readAll(registry);

        assertThat(values).extracting(MeterValues::name, MeterValues::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("upload.size", MeterKind.SUMMARY),
                org.assertj.core.groups.Tuple.tuple("jobs", MeterKind.COUNTER),
                org.assertj.core.groups.Tuple.tuple("depth", MeterKind.GAUGE),
                org.assertj.core.groups.Tuple.tuple("reports.running", MeterKind.LONG_TASK_TIMER));
        MeterValues summary = values.stream().filter(v -> v.name().equals("upload.size")).findFirst().orElseThrow();
        assertThat(summary.unit()).isEqualTo("bytes");
        assertThat(summary.mean()).isEqualTo(200);
        MeterValues task = values.stream().filter(v -> v.name().equals("reports.running")).findFirst().orElseThrow();
        assertThat(task.value()).isEqualTo(1);
        running.stop();
    }

    @Test
    void gaugesMicrometerDerivesFromPercentilesAreNotListedAgain() {
        Timer.builder("work").publishPercentiles(0.95).publishPercentileHistogram().register(registry)
                .record(1, TimeUnit.MILLISECONDS);

        assertThat(registry.getMeters()).hasSizeGreaterThan(1);
        assertThat(MeterReader.readAll(registry)).extracting(MeterValues::name).containsExactly("work");
    }

    @Test
    void cpuTimersArePairedWithTheirWallTimersOfTheSameTags() {
        registry.timer("view.duration", "route", "/a").record(Duration.ofMillis(8));
        registry.timer("view.cpu", "route", "/a").record(Duration.ofMillis(3));
        registry.timer("view.cpu", "route", "/orphan").record(Duration.ofMillis(1));
        registry.timer("home.feed").record(Duration.ofMillis(5));
        registry.timer("home.feed.cpu").record(Duration.ofMillis(2));

        List<StatRow> rows = StatRows.of(MeterReader.readAll(registry), new RateTracker());

        assertThat(rows).extracting(StatRow::name).containsExactly("home.feed", "view.cpu", "view.duration");
        assertThat(rows.get(0).cpu().name()).isEqualTo("home.feed.cpu");
        assertThat(rows.get(1).cpu()).as("a CPU timer without a wall timer stays on its own").isNull();
        assertThat(rows.get(2).cpu().total()).isEqualTo(3);
    }
}
