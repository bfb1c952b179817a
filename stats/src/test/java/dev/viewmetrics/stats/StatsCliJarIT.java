package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After packaging: the built jar runs the commands with {@code java -jar} (its Main-Class, nothing else on the class
 * path), and so do the {@code bin/} wrappers, exactly as the README shows them.
 */
class StatsCliJarIT {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void javaDashJarRunsSlurpstatsWithNothingButTheJdk() throws Exception {
        Path file = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ChildJvm.Result result = ChildJvm.run(dir, List.of(java, "-jar", jar().toString(), "slurpstats",
                file.toString()));

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("==> " + file + " <==\npid " + PID + " running")
                .endsWith(SampleStats.SLURP_LINES + "\n");
    }

    @Test
    void binWrappersRunTheThreeCommands() throws Exception {
        Path file = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);
        Path bin = Path.of("bin").toAbsolutePath();

        ChildJvm.Result slurp = ChildJvm.run(dir, List.of(bin.resolve("slurpstats").toString(), file.toString()));
        ChildJvm.Result poll = ChildJvm.run(dir, List.of(bin.resolve("pollstats").toString(), "-n", "0",
                "view.active,viewmetrics.errors", file.toString()));
        ChildJvm.Result clean = ChildJvm.run(dir, List.of(bin.resolve("cleanstats").toString(), file.toString()));

        assertThat(slurp.status()).as(slurp.toString()).isZero();
        assertThat(slurp.out()).contains("view.active{method=GET}");
        assertThat(poll.out().lines().toList()).as(poll.toString()).containsExactly(
                "view.active  viewmetrics.errors", "      value               count", "          3                   2");
        assertThat(clean.out()).isEqualTo("kept " + file + ": pid " + PID + " is running\n");
    }

    /** target/viewmetrics-stats-VERSION.jar, as packaged. */
    private static Path jar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Path.of("target"),
                "viewmetrics-stats-*.jar")) {
            stream.forEach(jars::add);
        }
        jars.removeIf(p -> p.getFileName().toString().endsWith("-tests.jar"));
        assertThat(jars).as("the packaged jar").hasSize(1);
        return jars.get(0).toAbsolutePath();
    }
}
