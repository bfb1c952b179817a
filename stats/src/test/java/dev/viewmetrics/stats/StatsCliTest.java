package dev.viewmetrics.stats;

import dev.viewmetrics.core.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * slurpstats, pollstats and cleanstats as real processes with nothing but the main classes and the JDK on the
 * class path (no Micrometer), against real files.
 */
class StatsCliTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void slurpstatsPrintsEveryValueOfEveryFileSortedByName() throws Exception {
        Path file = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);

        ChildJvm.Result result = cli("slurpstats", file.toString());

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out().replaceAll("updated \\S+Z", "updated T")).isEqualTo(String.join("\n",
                "==> " + file + " <==",
                "pid " + PID + " running, updated T, every 1000 ms, 7 meters",
                SampleStats.SLURP_LINES,
                ""));
    }

    @Test
    void slurpstatsWithoutFilesReadsTheTempDirectory() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        SampleStats.write(tmp.resolve("a-" + PID + ".vmstats"), PID);
        SampleStats.write(tmp.resolve("b-" + PID + ".vmstats"), PID);

        ChildJvm.Result result = ChildJvm.run(dir, withTmpdir(tmp, "slurpstats"));

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out()).contains("==> " + tmp.resolve("a-" + PID + ".vmstats") + " <==")
                .contains("==> " + tmp.resolve("b-" + PID + ".vmstats") + " <==");
    }

    @Test
    void pollstatsPrintsTotalsThenWhatChangedAsAlignedColumns() throws Exception {
        MmapWriter first = MmapWriter.create(dir.resolve("w-1.vmstats"), PID, 64 * 1024, 10);
        MmapWriter second = MmapWriter.create(dir.resolve("w-2.vmstats"), PID, 64 * 1024, 10);
        SampleStats.Jobs one = new SampleStats.Jobs(first);
        SampleStats.Jobs two = new SampleStats.Jobs(second);
        AtomicBoolean stop = new AtomicBoolean();
        Thread updates = new Thread(() -> {
            while (!stop.get()) {
                one.job();
                two.job();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        updates.start();
        ChildJvm.Result result;
        try {
            result = cli("pollstats", "-n", "3", "-i", "0.3", "jobs.done,jobs.time,jobs.queue,missing", dir.toString());
        } finally {
            stop.set(true);
            updates.join();
        }

        assertThat(result.status()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2 + 1 + 3);
        assertThat(lines.get(0)).isEqualTo(
                " jobs.done   jobs.time   jobs.time  jobs.queue     missing");
        assertThat(lines.get(1)).isEqualTo(
                "     count       count     mean ms       value      (none)");
        for (String line : lines.subList(2, lines.size())) {
            assertThat(line).hasSameSizeAs(lines.get(0));
            String[] cells = line.trim().split("\\s+");
            assertThat(Double.parseDouble(cells[0])).as("a total, then changes: " + line).isNotNegative();
            assertThat(Double.parseDouble(cells[1])).as("timer count moves with the counter (each record is whole "
                    + "on its own; two records may be an update apart): " + line)
                    .isCloseTo(Double.parseDouble(cells[0]), org.assertj.core.data.Offset.offset(2.0));
            assertThat(cells[2]).as("every job took 4 ms: " + line).isEqualTo("4.000");
            assertThat(cells[3]).as("gauges add up across files, not as deltas: " + line).isEqualTo("6");
            assertThat(cells[4]).isEqualTo("-");
        }
        double printed = 0;
        for (String line : lines.subList(2, lines.size())) {
            printed += Double.parseDouble(line.trim().split("\\s+")[0]);
        }
        double finalCount = 0;
        for (String file : List.of("w-1.vmstats", "w-2.vmstats")) {
            finalCount += StatsMapping.open(dir.resolve(file)).read().records().get(0).value(MmapLayout.COUNT);
        }
        assertThat(printed).as("the total and then only what changed: together at most the final count")
                .isLessThanOrEqualTo(finalCount);
        assertThat(printed - Double.parseDouble(lines.get(2).trim().split("\\s+")[0]))
                .as("jobs done while pollstats ran were printed as changes").isPositive();
    }

    @Test
    void pollstatsKeepsOnlyRecordsWithTheGivenTags() throws Exception {
        Path file = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);

        ChildJvm.Result result = cli("pollstats", "-n", "0",
                "view.duration{route=/users/{id},method=GET},view.duration{route=/nowhere}", file.toString());

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).containsExactly(
                "view.duration{route=/users/{id},method=GET}  view.duration{route=/users/{id},method=GET}"
                        + "  view.duration{route=/nowhere}",
                "                                      count                                      mean ms"
                        + "                         (none)",
                "                                       1200                                       13.500"
                        + "                              -");
    }

    @Test
    void cleanstatsRemovesFilesOfGoneProcessesKeepsRunningOnesAndSkipsOthers() throws Exception {
        Process finished = new ProcessBuilder(ChildJvm.command(ChildJvm.mainClassesOnly(), StatsCli.class.getName(),
                List.of("help"))).start();
        finished.waitFor();
        long gonePid = finished.pid();
        Path gone = SampleStats.write(dir.resolve("shop-" + gonePid + ".vmstats"), gonePid);
        Path running = SampleStats.write(dir.resolve("shop-" + PID + ".vmstats"), PID);
        Path stranger = Files.writeString(dir.resolve("stranger.vmstats"), "not ours, leave it alone ".repeat(4));

        ChildJvm.Result result = cli("cleanstats", dir.toString());

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).containsExactlyInAnyOrder(
                "removed " + gone + ": pid " + gonePid + " is gone",
                "kept " + running + ": pid " + PID + " is running",
                "skipped " + stranger + ": not a .vmstats file (no VMSTATS magic)");
        assertThat(gone).doesNotExist();
        assertThat(running).exists();
        assertThat(stranger).exists();
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() throws Exception {
        ChildJvm.Result noNames = cli("pollstats");
        assertThat(noNames.status()).isEqualTo(2);
        assertThat(noNames.err()).contains("pollstats: no meter names given").contains("usage: pollstats");

        ChildJvm.Result badTags = cli("pollstats", "jobs{queue}");
        assertThat(badTags.status()).isEqualTo(2);
        assertThat(badTags.err()).contains("'queue' in 'jobs{queue}' is not key=value");

        ChildJvm.Result unknown = cli("dumpstats");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'dumpstats'").contains("slurpstats [files]");
    }

    @Test
    void nothingToReadIsAnErrorNotSilence() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ChildJvm.Result result = ChildJvm.run(dir, withTmpdir(empty, "slurpstats"));
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("slurpstats: no *.vmstats files in " + empty);
    }

    private ChildJvm.Result cli(String... args) throws IOException, InterruptedException {
        return ChildJvm.run(dir, ChildJvm.command(ChildJvm.mainClassesOnly(), StatsCli.class.getName(), List.of(args)));
    }

    private static List<String> withTmpdir(Path tmp, String... args) {
        List<String> command = new ArrayList<>(ChildJvm.command(ChildJvm.mainClassesOnly(), StatsCli.class.getName(),
                List.of(args)));
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        return command;
    }
}
