package dev.viewmetrics.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line that reads {@code .vmstats} files, with nothing but the JDK on the class path:
 * {@code java -jar viewmetrics-filter-core.jar slurpstats|pollstats|cleanstats …}. Without files it reads
 * {@code {java.io.tmpdir}/*.vmstats}; a directory stands for the {@code .vmstats} files in it.
 */
public final class StatsCli {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar viewmetrics-filter-core.jar COMMAND [options] [files or directories]",
            "  slurpstats [files]                          every value of every file",
            "  pollstats [-n N] [-i SECONDS] name[,name]   sums across files, then what changed every second",
            "                                              (name{key=value,...} keeps records with those tags;",
            "                                               -n stops after N changes, -i sets the interval)",
            "  cleanstats [files]                          remove the files of processes that are gone",
            "without files: " + StatsFiles.defaultDirectory().resolve("*" + MmapLayout.EXTENSION));

    private StatsCli() {
    }

    /** Runs one command and exits with its status (0 done, 1 failed, 2 usage). */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "slurpstats":
                    return SlurpStats.run(rest, out, err);
                case "pollstats":
                    return PollStats.run(rest, out, err);
                case "cleanstats":
                    return CleanStats.run(rest, out, err);
                case "help", "-h", "--help":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
            }
        } catch (IOException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
