package dev.viewmetrics.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A .vmstats file with one of each kind of meter (and a summary of bytes, as {@code view.allocated}) and known values,
 * as a shop application would publish.
 */
final class SampleStats {

    /** What slurpstats prints for it, below the header lines. */
    static final String SLURP_LINES = String.join("\n",
            "  reports.running                                          long_task_timer  active=1 duration=2500.000ms"
                    + " max=2500.000ms",
            "  upload.size                                              summary          count=10 mean=5120.000"
                    + " max=10240.000",
            "  view.active{method=GET}                                  gauge            3",
            "  view.allocated{route=/users/{id},method=GET,status=200}  summary          count=1200 mean=48.000KiB"
                    + " max=1024.000KiB",
            "  view.cpu{route=/users/{id},method=GET,status=200}        timer            count=1200 mean=3.200ms"
                    + " max=35.500ms",
            "  view.duration{route=/users/{id},method=GET,status=200}   timer            count=1200 mean=13.500ms"
                    + " max=180.250ms p50=9.500ms p95=41.000ms p99=120.000ms",
            "  viewmetrics.errors{kind=IOException}                     counter          2");

    private SampleStats() {
    }

    static Path write(Path file, long pid) throws IOException {
        MmapWriter writer = MmapWriter.create(file, pid, 64 * 1024, 1000);
        List<String> users = List.of("route", "/users/{id}", "method", "GET", "status", "200");
        writer.write(writer.add(MeterKind.TIMER, "view.duration", users),
                new double[] {1200, 16200, 180.25, 9.5, 41, 120});
        writer.write(writer.add(MeterKind.TIMER, "view.cpu", users),
                new double[] {1200, 3840, 35.5, Double.NaN, Double.NaN, Double.NaN});
        writer.write(writer.add(MeterKind.GAUGE, "view.active", List.of("method", "GET")), new double[] {3});
        writer.write(writer.add(MeterKind.SUMMARY, "view.allocated", users, "bytes"),
                new double[] {1200, 1200 * 48 * 1024, 1024 * 1024, Double.NaN, Double.NaN, Double.NaN});
        writer.write(writer.add(MeterKind.COUNTER, "viewmetrics.errors", List.of("kind", "IOException")),
                new double[] {2});
        writer.write(writer.add(MeterKind.LONG_TASK_TIMER, "reports.running", List.of()),
                new double[] {1, 2500, 2500});
        writer.write(writer.add(MeterKind.SUMMARY, "upload.size", List.of()),
                new double[] {10, 51200, 10240, Double.NaN, Double.NaN, Double.NaN});
        writer.updated(System.currentTimeMillis());
        return file;
    }

    /** One worker process's jobs: a counter, a 4 ms timer and a gauge at 3, updated as a publisher would. */
    static final class Jobs {
        private final MmapWriter writer;
        private final int done;
        private final int time;
        private long jobs;

        Jobs(MmapWriter writer) {
            this.writer = writer;
            this.done = writer.add(MeterKind.COUNTER, "jobs.done", List.of());
            this.time = writer.add(MeterKind.TIMER, "jobs.time", List.of());
            writer.write(writer.add(MeterKind.GAUGE, "jobs.queue", List.of()), new double[] {3});
        }

        void job() {
            jobs++;
            writer.write(done, new double[] {jobs});
            writer.write(time, new double[] {jobs, 4.0 * jobs, 4, Double.NaN, Double.NaN, Double.NaN});
        }
    }
}
