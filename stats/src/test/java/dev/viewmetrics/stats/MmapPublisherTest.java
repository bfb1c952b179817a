package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher copies the registry into {service}-{pid}.vmstats on its own thread, never on the request path. */
class MmapPublisherTest {

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void fileIsNamedAfterServiceAndPidAndHoldsEveryMeter() throws Exception {
        registry.counter("jobs.done", "queue", "mail").increment(4);
        Timer.builder("jobs.time").publishPercentiles(0.5, 0.95, 0.99).register(registry)
                .record(Duration.ofMillis(8));
        registry.gauge("jobs.queue", 2);

        try (MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir).service("worker").start()) {
            assertThat(publisher.file()).isEqualTo(dir.resolve("worker-" + ProcessHandle.current().pid()
                    + ".vmstats"));
            StatsMapping.Snapshot snapshot = StatsMapping.open(publisher.file()).read();

            assertThat(snapshot.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(snapshot.intervalMillis()).isEqualTo(1000);
            assertThat(snapshot.records()).extracting(StatsRecord::key).containsExactlyInAnyOrder(
                    "jobs.done{queue=mail}", "jobs.time", "jobs.queue");
            StatsRecord timer = record(snapshot, "jobs.time");
            assertThat(timer.values()).startsWith(1, 8, 8);
            assertThat(timer.value(MmapLayout.P95)).isCloseTo(8, org.assertj.core.data.Offset.offset(0.5));
            assertThat(record(snapshot, "jobs.queue").value(MmapLayout.VALUE)).isEqualTo(2);
        }
    }

    /**
     * The publisher's thread copies changes without being asked, and stamps {@code updated} when it has: the
     * round that shows them finished after they were made, so its stamp is not earlier (the clock is first seen
     * to move past the file's creation, so that the stamp tells the two apart).
     */
    @Test
    void valuesFollowTheRegistryEveryIntervalOnTheNamedThread() throws Exception {
        Counter jobs = registry.counter("jobs.done");
        Set<Thread> before = NamedThreads.named("viewmetrics-mmap-publisher");
        try (MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir)
                .interval(Duration.ofMillis(20)).start()) {
            StatsMapping mapping = StatsMapping.open(publisher.file());
            assertThat(NamedThreads.startedSince(before, "viewmetrics-mmap-publisher")).hasSize(1);
            Instant created = mapping.created();
            awaitTrue(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(created),
                    "the clock to move past " + created);

            Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as precise as the stamp
            jobs.increment(5);
            registry.counter("jobs.failed").increment();
            awaitTrue(() -> {
                StatsMapping.Snapshot shown = mapping.read();
                return shown.records().size() == 2 && record(shown, "jobs.done").value(MmapLayout.COUNT) == 5
                        && !shown.updated().isBefore(changed);
            }, "a round that copied the changes made at " + changed);

            StatsMapping.Snapshot snapshot = mapping.read();
            assertThat(record(snapshot, "jobs.done").value(MmapLayout.COUNT)).isEqualTo(5);
            assertThat(record(snapshot, "jobs.failed").value(MmapLayout.COUNT)).isEqualTo(1);
            assertThat(snapshot.updated()).isAfter(created).isAfterOrEqualTo(changed).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void publishStampsUpdatedWithTheTimeItFinished() throws Exception {
        try (MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir).interval(Duration.ofHours(1))
                .start()) {
            StatsMapping mapping = StatsMapping.open(publisher.file());
            Instant created = mapping.created();
            awaitTrue(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(created),
                    "the clock to move past " + created);

            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publisher.publish();
            Instant after = Instant.now();

            assertThat(mapping.read().updated()).isAfter(created).isBetween(before, after);
        }
    }

    @Test
    void closePublishesTheLastValuesMarksTheFileAndKeepsIt() throws Exception {
        Counter jobs = registry.counter("jobs.done");
        Set<Thread> before = NamedThreads.named("viewmetrics-mmap-publisher");
        MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir).interval(Duration.ofHours(1)).start();
        Set<Thread> started = NamedThreads.startedSince(before, "viewmetrics-mmap-publisher");
        jobs.increment(9);

        publisher.close();
        publisher.close();

        StatsMapping.Snapshot snapshot = StatsMapping.open(publisher.file()).read();
        assertThat(snapshot.closed()).isTrue();
        assertThat(record(snapshot, "jobs.done").value(MmapLayout.COUNT)).isEqualTo(9);
        NamedThreads.assertEnded(started);
    }

    @Test
    void aMeterRemovedFromTheRegistryKeepsItsLastValuesMarkedRemoved() throws Exception {
        Counter gone = registry.counter("gone");
        gone.increment(3);
        try (MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir).interval(Duration.ofHours(1))
                .start()) {
            registry.remove(gone);
            publisher.publish();

            StatsRecord record = record(StatsMapping.open(publisher.file()).read(), "gone");
            assertThat(record.removed()).isTrue();
            assertThat(record.value(MmapLayout.COUNT)).isEqualTo(3);
            assertThat(SlurpStats.describe(record)).isEqualTo("3 (removed)");
        }
    }

    @Test
    void oneFileHasOnePublisher() {
        try (MmapPublisher first = MmapPublisher.builder(registry).directory(dir).service("one").start()) {
            MmapPublisher second = MmapPublisher.builder(registry).directory(dir).service("one").build();
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is already published by this process");
            assertThat(first.file()).exists();
        }
        try (MmapPublisher again = MmapPublisher.builder(registry).directory(dir).service("one").start()) {
            assertThat(again.file()).exists();
        }
    }

    @Test
    void invalidIntervalFailsNamingTheKey() {
        assertThatThrownBy(() -> MmapPublisher.builder(registry).set("stats.mmap-interval", "-1s").build())
                .hasMessageContaining("'stats.mmap-interval'");
    }

    /** Polls {@code condition} every 10 ms for up to 10 s. */
    private static void awaitTrue(Check condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after 10 s waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** A condition that may read a file. */
    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static StatsRecord record(StatsMapping.Snapshot snapshot, String name) {
        List<StatsRecord> records = snapshot.records();
        return records.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + records));
    }
}
