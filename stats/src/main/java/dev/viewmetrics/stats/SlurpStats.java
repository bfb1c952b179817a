package dev.viewmetrics.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code slurpstats [files]}: every value of every file, one meter a line. JDK only. */
final class SlurpStats {

    private SlurpStats() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<Path> files = StatsFiles.resolve(args);
        if (files.isEmpty()) {
            err.println("slurpstats: no *" + MmapLayout.EXTENSION + " files in " + StatsFiles.defaultDirectory());
            return 1;
        }
        int status = 0;
        boolean first = true;
        for (Path file : files) {
            if (!first) {
                out.println();
            }
            first = false;
            try {
                print(StatsMapping.open(file).read(), out);
            } catch (IOException e) {
                err.println("slurpstats: " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    static void print(StatsMapping.Snapshot snapshot, PrintStream out) {
        out.println("==> " + snapshot.path() + " <==");
        StringBuilder about = new StringBuilder("pid ").append(snapshot.pid())
                .append(StatsFiles.running(snapshot.pid()) ? " running" : " gone")
                .append(snapshot.closed() ? " (closed)" : "")
                .append(", updated ").append(snapshot.updated().truncatedTo(ChronoUnit.SECONDS))
                .append(", every ").append(snapshot.intervalMillis()).append(" ms, ")
                .append(snapshot.records().size()).append(" meters");
        if (snapshot.leftOut() > 0) {
            about.append(", ").append(snapshot.leftOut()).append(" left out (file full)");
        }
        out.println(about);
        List<StatsRecord> records = new ArrayList<>(snapshot.records());
        records.sort(Comparator.comparing(StatsRecord::key));
        TextTable table = new TextTable(false, false, false);
        for (StatsRecord record : records) {
            table.add(record.key(), record.kind().label, describe(record));
        }
        table.print(out, "  ");
    }

    /** The values of one record, in words. */
    static String describe(StatsRecord record) {
        StringBuilder text = new StringBuilder();
        switch (record.kind()) {
            case TIMER, SUMMARY -> {
                ShownUnit unit = ShownUnit.of(record.kind(), record.unit());
                double count = record.value(MmapLayout.COUNT);
                text.append("count=").append(TextTable.number(count))
                        .append(" mean=").append(unit.format(record.value(MmapLayout.TOTAL) / count))
                        .append(unit.suffix())
                        .append(" max=").append(unit.format(record.value(MmapLayout.MAX))).append(unit.suffix());
                String[] names = {"p50", "p95", "p99"};
                for (int i = 0; i < names.length; i++) {
                    double percentile = record.value(MmapLayout.P50 + i);
                    if (!Double.isNaN(percentile)) {
                        text.append(' ').append(names[i]).append('=').append(unit.format(percentile))
                                .append(unit.suffix());
                    }
                }
            }
            case LONG_TASK_TIMER -> text.append("active=").append(TextTable.number(record.value(MmapLayout.VALUE)))
                    .append(" duration=").append(TextTable.millis(record.value(MmapLayout.TOTAL))).append("ms")
                    .append(" max=").append(TextTable.millis(record.value(MmapLayout.MAX))).append("ms");
            default -> text.append(TextTable.number(record.value(MmapLayout.VALUE)));
        }
        if (record.removed()) {
            text.append(" (removed)");
        }
        if (!record.whole()) {
            text.append(" (torn: the publisher stopped while writing it)");
        }
        return text.toString();
    }
}
