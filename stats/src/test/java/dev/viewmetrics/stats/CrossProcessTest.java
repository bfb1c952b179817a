package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another JVM publishes; this one reads, never calling into it: values change while it runs, and after
 * {@code kill -9} both its .vmstats file and its last JSON report stay readable, until cleanstats removes them.
 */
class CrossProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void valuesPublishedByAnotherProcessAreSeenChangingAndSurviveItsKill() throws Exception {
        child = ChildJvm.start(ChildJvm.testClasspath(), PublishingMain.class.getName(), dir.resolve("child.out"),
                dir.toString());
        Path statsFile = dir.resolve("worker-" + child.pid() + ".vmstats");
        Path jsonFile = dir.resolve("worker.json");
        awaitReady(dir.resolve("child.out"));

        StatsMapping mapping = StatsMapping.open(statsFile);
        assertThat(mapping.pid()).isEqualTo(child.pid());
        double before = jobsDone(mapping.read());
        double after = before;
        for (long deadline = System.nanoTime() + 30_000_000_000L; after <= before; after = jobsDone(mapping.read())) {
            assertThat(System.nanoTime() - deadline).as("jobs.done seen moving in the other process within 30 s")
                    .isNegative();
            Thread.sleep(10);
        }
        StatsRecord timer = record(mapping.read(), "jobs.time");
        assertThat(timer.kind()).isEqualTo(MeterKind.TIMER);
        assertThat(timer.value(MmapLayout.TOTAL) / timer.value(MmapLayout.COUNT)).isCloseTo(5.0,
                org.assertj.core.data.Offset.offset(0.001));

        for (long deadline = System.nanoTime() + 30_000_000_000L; jsonJobsDone(jsonFile) <= 0; ) {
            assertThat(System.nanoTime() - deadline).as("a JSON report with jobs done within 30 s").isNegative();
            Thread.sleep(10);
        }
        child.destroyForcibly(); // kill -9: no shutdown hook, no final report
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        StatsMapping.Snapshot last = StatsMapping.open(statsFile).read();
        assertThat(last.closed()).as("not closed: the process was killed").isFalse();
        assertThat(jobsDone(last)).isGreaterThanOrEqualTo(after);
        assertThat(last.records()).allMatch(StatsRecord::whole);
        JsonNode report = JSON.readTree(Files.readString(jsonFile));
        assertThat(report.get("pid").asLong()).isEqualTo(child.pid());
        assertThat(report.get("meters")).anySatisfy(meter -> {
            assertThat(meter.get("name").asText()).isEqualTo("jobs.done");
            assertThat(meter.get("count").asDouble()).isPositive();
        });

        SimpleMeterRegistry mine = new SimpleMeterRegistry();
        mine.counter("mine").increment();
        try (MmapPublisher live = MmapPublisher.builder(mine).directory(dir).service("live").start()) {
            ChildJvm.Result clean = ChildJvm.run(dir, ChildJvm.command(ChildJvm.mainClassesOnly(),
                    StatsCli.class.getName(), List.of("cleanstats", dir.toString())));

            assertThat(clean.status()).as(clean.toString()).isZero();
            assertThat(clean.out()).contains("removed " + statsFile + ": pid " + child.pid() + " is gone")
                    .contains("kept " + live.file() + ": pid " + ProcessHandle.current().pid() + " is running");
            assertThat(statsFile).doesNotExist();
            assertThat(live.file()).exists();
        }
    }

    private static void awaitReady(Path out) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).startsWith("ready ")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child never got ready: " + Files.readString(out.resolveSibling("child.out.err")));
    }

    /** The count of jobs.done in the last JSON report, 0 before the first one. */
    private static double jsonJobsDone(Path jsonFile) throws Exception {
        if (!Files.exists(jsonFile)) {
            return 0;
        }
        for (JsonNode meter : JSON.readTree(Files.readString(jsonFile)).get("meters")) {
            if (meter.get("name").asText().equals("jobs.done")) {
                return meter.get("count").asDouble();
            }
        }
        return 0;
    }

    private static double jobsDone(StatsMapping.Snapshot snapshot) {
        return record(snapshot, "jobs.done").value(MmapLayout.COUNT);
    }

    private static StatsRecord record(StatsMapping.Snapshot snapshot, String name) {
        return snapshot.records().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + snapshot.records()));
    }
}
