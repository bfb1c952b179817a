package dev.viewmetrics.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cleanstats [files]}: removes the {@code .vmstats} files of processes that are gone, and only those: the
 * pid in each file's header is looked up, and a file whose process still runs is kept, whoever owns it. JDK only.
 */
final class CleanStats {

    private CleanStats() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int status = 0;
        for (Path file : StatsFiles.resolve(args)) {
            long pid;
            try {
                pid = StatsMapping.open(file).pid();
            } catch (StatsMapping.NotStatsFileException e) {
                out.println("skipped " + file + ": not a .vmstats file (" + e.reason() + ")");
                continue;
            } catch (IOException e) {
                err.println("cleanstats: cannot read " + file + ": " + e);
                status = 1;
                continue;
            }
            if (StatsFiles.running(pid)) {
                out.println("kept " + file + ": pid " + pid + " is running");
                continue;
            }
            try {
                Files.deleteIfExists(file);
                out.println("removed " + file + ": pid " + pid + " is gone");
            } catch (IOException e) {
                err.println("cleanstats: cannot remove " + file + ": " + e);
                status = 1;
            }
        }
        return status;
    }
}
