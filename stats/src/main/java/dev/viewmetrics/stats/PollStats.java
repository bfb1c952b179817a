package dev.viewmetrics.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code pollstats [-n N] [-i SECONDS] name[,name…] [files]}: the sums across files, then every interval what
 * changed, as aligned columns. Counters show their count, then the increase; gauges their current value;
 * timers and summaries two columns, count (then the increase) and mean (over everything, then over the interval),
 * timers in ms, summaries of bytes in KiB. JDK only.
 */
final class PollStats {

    private final List<PollSelector> selectors;
    private final List<String> fileArgs;
    private final Map<Path, Source> sources = new LinkedHashMap<>();
    private final PrintStream err;
    private MeterKind[] kinds;
    private ShownUnit[] units;

    private PollStats(List<PollSelector> selectors, List<String> fileArgs, PrintStream err) {
        this.selectors = selectors;
        this.fileArgs = fileArgs;
        this.err = err;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        long iterations = Long.MAX_VALUE;
        long intervalNanos = 1_000_000_000L;
        int i = 0;
        try {
            for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "-n" -> iterations = notNegative(option, Long.parseLong(value));
                    case "-i" -> intervalNanos = (long) (positive(option, Double.parseDouble(value)) * 1e9);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (i >= args.size()) {
                throw new IllegalArgumentException("no meter names given");
            }
            PollStats poll = new PollStats(PollSelector.parseList(args.get(i)), args.subList(i + 1, args.size()), err);
            return poll.loop(out, iterations, intervalNanos);
        } catch (NumberFormatException e) {
            err.println("pollstats: not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("pollstats: " + e.getMessage());
        }
        err.println("usage: pollstats [-n N] [-i SECONDS] name[,name{key=value}...] [files or directories]");
        return 2;
    }

    private static long notNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, not " + value);
        }
        return value;
    }

    private static <N extends Number> N positive(String option, N value) {
        if (value.doubleValue() <= 0) {
            throw new IllegalArgumentException(option + " must be positive, not " + value);
        }
        return value;
    }

    private int loop(PrintStream out, long iterations, long intervalNanos) throws IOException, InterruptedException {
        Map<Path, double[][]> previous = poll();
        if (previous.isEmpty()) {
            err.println("pollstats: no *" + MmapLayout.EXTENSION + " files found");
            return 1;
        }
        kindsAndUnits();
        List<String[]> headers = headers();
        TextTable table = new TextTable(rightAligned(headers.get(0).length));
        int[] widths = new int[headers.get(0).length];
        for (String[] header : headers) {
            for (int c = 0; c < header.length; c++) {
                widths[c] = Math.max(Math.max(widths[c], header[c].length()), 10);
            }
        }
        for (String[] header : headers) {
            out.println(table.line(header, widths));
        }
        out.println(table.line(totalsRow(previous), widths));
        out.flush();
        long next = System.nanoTime();
        for (long n = 0; n < iterations; n++) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            Map<Path, double[][]> current = poll();
            out.println(table.line(deltaRow(previous, current), widths));
            out.flush();
            previous = current;
        }
        return 0;
    }

    /** Per file, per selector: {count, total, value} summed over the matching records. */
    private Map<Path, double[][]> poll() throws IOException {
        List<Path> files = StatsFiles.resolve(fileArgs);
        sources.keySet().retainAll(files);
        Map<Path, double[][]> sums = new LinkedHashMap<>();
        for (Path file : files) {
            Source source = source(file);
            if (source == null) {
                continue;
            }
            StatsMapping.Snapshot snapshot = source.mapping.read();
            double[][] perSelector = new double[selectors.size()][];
            for (int s = 0; s < selectors.size(); s++) {
                perSelector[s] = sum(snapshot.records(), selectors.get(s), s);
            }
            sums.put(file, perSelector);
            source.snapshot = snapshot;
        }
        return sums;
    }

    private Source source(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            Source source = sources.get(file);
            if (source == null || !Objects.equals(source.fileKey, key)) {
                source = new Source(StatsMapping.open(file), key);
                sources.put(file, source);
            }
            return source;
        } catch (IOException e) {
            if (sources.remove(file) != null || !fileArgs.isEmpty()) {
                err.println("pollstats: " + e.getMessage());
            }
            return null;
        }
    }

    private double[] sum(List<StatsRecord> records, PollSelector selector, int index) {
        double[] sum = {Double.NaN, Double.NaN, Double.NaN};
        MeterKind kind = kinds == null ? null : kinds[index];
        for (StatsRecord record : records) {
            if (selector.matches(record) && (kind == null || record.kind() == kind)) {
                kind = record.kind();
                sum[0] = add(sum[0], record.value(MmapLayout.COUNT));
                sum[1] = add(sum[1], record.value(MmapLayout.TOTAL));
                sum[2] = add(sum[2], record.value(MmapLayout.VALUE));
            }
        }
        return sum;
    }

    private static double add(double sum, double value) {
        if (Double.isNaN(value)) {
            return sum;
        }
        return Double.isNaN(sum) ? value : sum + value;
    }

    /** The kind and shown unit of each selector: those of the first record it matches in any file. */
    private void kindsAndUnits() {
        MeterKind[] found = new MeterKind[selectors.size()];
        ShownUnit[] shown = new ShownUnit[selectors.size()];
        for (Source source : sources.values()) {
            for (int s = 0; s < selectors.size(); s++) {
                for (StatsRecord record : source.snapshot.records()) {
                    if (found[s] == null && selectors.get(s).matches(record)) {
                        found[s] = record.kind();
                        shown[s] = ShownUnit.of(record.kind(), record.unit());
                    }
                }
            }
        }
        kinds = found;
        units = shown;
    }

    private List<String[]> headers() {
        List<String> names = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int s = 0; s < selectors.size(); s++) {
            String text = selectors.get(s).text();
            MeterKind kind = kinds[s];
            if (kind != null && kind.distribution()) {
                names.add(text);
                fields.add("count");
                names.add(text);
                fields.add(units[s].header("mean"));
            } else {
                names.add(text);
                fields.add(kind == null ? "(none)" : kind == MeterKind.COUNTER ? "count"
                        : kind == MeterKind.LONG_TASK_TIMER ? "active" : "value");
            }
        }
        return List.of(names.toArray(String[]::new), fields.toArray(String[]::new));
    }

    private String[] totalsRow(Map<Path, double[][]> sums) {
        List<String> cells = new ArrayList<>();
        for (int s = 0; s < selectors.size(); s++) {
            double count = 0;
            double total = 0;
            double value = 0;
            boolean any = false;
            for (double[][] file : sums.values()) {
                double[] sum = file[s];
                if (!Double.isNaN(sum[0])) {
                    any = true;
                    count += sum[0];
                    total += Double.isNaN(sum[1]) ? 0 : sum[1];
                    value += sum[2];
                }
            }
            cells(cells, s, any, count, total, value);
        }
        return cells.toArray(String[]::new);
    }

    private String[] deltaRow(Map<Path, double[][]> before, Map<Path, double[][]> now) {
        List<String> cells = new ArrayList<>();
        for (int s = 0; s < selectors.size(); s++) {
            double count = 0;
            double total = 0;
            double value = 0;
            boolean any = false;
            for (Map.Entry<Path, double[][]> file : now.entrySet()) {
                double[] sum = file.getValue()[s];
                if (Double.isNaN(sum[0])) {
                    continue;
                }
                any = true;
                value += sum[2];
                double[][] earlier = before.get(file.getKey());
                if (earlier != null && !Double.isNaN(earlier[s][0])) {
                    boolean restarted = sum[0] < earlier[s][0];
                    count += restarted ? sum[0] : sum[0] - earlier[s][0];
                    double totalNow = Double.isNaN(sum[1]) ? 0 : sum[1];
                    double totalBefore = Double.isNaN(earlier[s][1]) ? 0 : earlier[s][1];
                    total += restarted ? totalNow : totalNow - totalBefore;
                }
            }
            cells(cells, s, any, count, total, value);
        }
        return cells.toArray(String[]::new);
    }

    private void cells(List<String> cells, int s, boolean any, double count, double total, double value) {
        MeterKind kind = kinds[s];
        if (kind != null && kind.distribution()) {
            cells.add(any ? TextTable.number(count) : "-");
            cells.add(any && count > 0 ? units[s].format(total / count) : "-");
        } else if (kind == MeterKind.COUNTER) {
            cells.add(any ? TextTable.number(count) : "-");
        } else {
            cells.add(any ? TextTable.number(value) : "-");
        }
    }

    private static boolean[] rightAligned(int columns) {
        boolean[] right = new boolean[columns];
        Arrays.fill(right, true);
        return right;
    }

    /** An open file and the identity of the file it maps (a new file at the same path is mapped again). */
    private static final class Source {
        final StatsMapping mapping;
        final Object fileKey;
        StatsMapping.Snapshot snapshot;

        Source(StatsMapping mapping, Object fileKey) {
            this.mapping = mapping;
            this.fileKey = fileKey;
        }
    }
}
