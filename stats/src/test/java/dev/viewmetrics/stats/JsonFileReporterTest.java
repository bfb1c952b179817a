package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periodic JSON reports: whole files only, every interval and at close, on a named thread. */
class JsonFileReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void startWritesEveryMeterWithTimestampAndPid() throws Exception {
        registry.counter("jobs.done", "queue", "mail").increment(3);
        registry.timer("jobs.time").record(Duration.ofMillis(20));
        Path file = dir.resolve("worker.json");

        try (JsonFileReporter reporter = JsonFileReporter.builder(registry).file(file).start()) {
            JsonNode report = awaitReport(file);

            assertThat(reporter.file()).isEqualTo(file);
            assertThat(report.get("version").asInt()).isEqualTo(1);
            assertThat(report.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(Instant.parse(report.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(report.get("meters")).hasSize(2);
            JsonNode jobs = report.get("meters").get(0);
            assertThat(jobs.get("name").asText()).isEqualTo("jobs.done");
            assertThat(jobs.get("tags").get("queue").asText()).isEqualTo("mail");
            assertThat(jobs.get("count").asInt()).isEqualTo(3);
            assertThat(report.get("meters").get(1).get("mean").asDouble()).isEqualTo(20.0);
        }
    }

    @Test
    void closeWritesAFinalReportAndStopsTheThread() throws Exception {
        Counter jobs = registry.counter("jobs.done");
        Path file = dir.resolve("final.json");
        Set<Thread> before = NamedThreads.named("viewmetrics-json-reporter");
        JsonFileReporter reporter = JsonFileReporter.builder(registry).file(file).interval(Duration.ofHours(1))
                .start();
        awaitReport(file);
        Set<Thread> started = NamedThreads.startedSince(before, "viewmetrics-json-reporter");
        assertThat(started).hasSize(1);

        jobs.increment(7);
        reporter.close();
        reporter.close();

        assertThat(JSON.readTree(file.toFile()).get("meters").get(0).get("count").asInt()).isEqualTo(7);
        NamedThreads.assertEnded(started);
    }

    /** Reads until the file was replaced a number of times while being read, each read checked; counts, no rates. */
    @Test
    @Timeout(120)
    void aReaderNeverSeesHalfAReport() throws Exception {
        for (int i = 0; i < 300; i++) {
            registry.counter("meter." + i, "route", "/r/" + i).increment(i);
        }
        Path file = dir.resolve("busy.json");
        Set<String> timestamps = new HashSet<>();
        int reads = 0;
        try (JsonFileReporter reporter = JsonFileReporter.builder(registry).file(file)
                .interval(Duration.ofMillis(2)).start()) {
            awaitReport(file);
            while (reads < 200 || timestamps.size() < 20) {
                JsonNode report = JSON.readTree(Files.readAllBytes(file)); // throws on a partial file
                assertThat(report.get("meters")).hasSize(300);
                timestamps.add(report.get("timestamp").asText());
                reads++;
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("busy.json");
        }
    }

    @Test
    void defaultFileIsNamedAfterServiceAndPidInTheTempDirectory() {
        JsonFileReporter reporter = JsonFileReporter.builder(registry).service("shop/../x").build();
        assertThat(reporter.file()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                "shop_.._x-" + ProcessHandle.current().pid() + ".json"));
        assertThat(JsonFileReporter.builder(registry).set("report.file", dir + "/{service}-{pid}.json")
                .service("api").build().file()).isEqualTo(dir.resolve("api-" + ProcessHandle.current().pid() + ".json"));
    }

    @Test
    void invalidSettingsFailNamingTheKey() {
        assertThatThrownBy(() -> JsonFileReporter.builder(registry).set("report.interval", "soon").build())
                .hasMessageStartingWith("viewmetrics: setting 'report.interval' must be a duration");
        assertThatThrownBy(() -> JsonFileReporter.builder(registry).set("report.interval", "0s").build())
                .hasMessage("viewmetrics: setting 'report.interval' must be a positive duration such as 500ms, 10s "
                        + "or 2m, but was '0s'");
    }

    @Test
    void startingTwiceIsAnError() {
        try (JsonFileReporter reporter = JsonFileReporter.builder(registry).file(dir.resolve("r.json")).start()) {
            assertThatThrownBy(reporter::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("started once");
        }
    }

    private static JsonNode awaitReport(Path file) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                return JSON.readTree(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    static boolean threadNamed(String name) {
        return !NamedThreads.named(name).isEmpty();
    }
}
