package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ReportingListener} in a real container: where its files go, from context-params or the environment. */
class ReportingListenerTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void statsMmapDirContextParamPlacesTheStatsFile() throws Exception {
        Path mmapDir = dir.resolve("from-param");
        Path file = mmapDir.resolve("shop-" + PID + ".vmstats");
        try (TestServer server = TestServer.builder("").withoutFilter().listener(new ReportingListener())
                .contextParam("stats.mmap", "true").contextParam("stats.mmap-dir", mmapDir.toString())
                .contextParam("service", "shop").start()) {
            assertThat(StatsMapping.open(file).read().closed()).as("published while the application runs").isFalse();
        }
        assertThat(StatsMapping.open(file).read().closed()).as("closed with the application").isTrue();
    }

    @Test
    void environmentVariablesTurnItOnAndPlaceTheStatsFile() throws Exception {
        Path mmapDir = dir.resolve("from-env");
        try (TestServer server = TestServer.builder("").withoutFilter().listener(new ReportingListener())
                .environment(Map.of("VIEWMETRICS_STATS_MMAP", "true", "VIEWMETRICS_STATS_MMAP_DIR", mmapDir.toString(),
                        "SERVICE", "worker")).start()) {
            assertThat(mmapDir.resolve("worker-" + PID + ".vmstats")).exists();
            try (var files = Files.list(mmapDir)) {
                assertThat(files).hasSize(1);
            }
        }
    }
}
