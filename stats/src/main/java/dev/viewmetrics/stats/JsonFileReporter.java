package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.config.SettingsBuilder;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes every meter of a registry to a JSON file (the stats page's schema, with a timestamp and the pid) when
 * started, every {@code report.interval} (60 s) and once more when closed, on the thread
 * {@code viewmetrics-json-reporter}. Each report replaces the file atomically (a temporary file in the same
 * directory, renamed over it), so a reader never sees half a report and, if the process dies, the last report stays.
 *
 * <pre>{@code
 * JsonFileReporter reporter = JsonFileReporter.builder(registry)
 *         .file(Path.of("/var/log/shop/metrics.json")).interval(Duration.ofSeconds(30)).start();
 * ...
 * reporter.close(); // a final report
 * }</pre>
 */
public final class JsonFileReporter implements AutoCloseable {

    /** How often a report is written unless {@code report.interval} says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");

    private final Supplier<MeterRegistry> registry;
    private final Path file;
    private final Duration interval;
    private final RateTracker rates = new RateTracker();
    private final Lifecycle lifecycle = new Lifecycle("viewmetrics-json-reporter");
    private final ScheduledExecutorService executor = Threads.single("viewmetrics-json-reporter");
    private boolean failureLogged;

    private JsonFileReporter(Supplier<MeterRegistry> registry, Path file, Duration interval) {
        this.registry = registry;
        this.file = file;
        this.interval = interval;
    }

    /** A builder of a reporter of {@code registry}. */
    public static Builder builder(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new Builder(() -> registry);
    }

    static Builder builder(Supplier<MeterRegistry> registry) {
        return new Builder(registry);
    }

    /** Writes the first report and starts the thread; once. */
    public JsonFileReporter start() {
        lifecycle.start(this::close);
        executor.execute(this::reportQuietly);
        long tickMillis = RateTracker.TICK.toMillis();
        executor.scheduleAtFixedRate(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
        executor.scheduleAtFixedRate(this::reportQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** The file reports go to. */
    public Path file() {
        return file;
    }

    /** Writes a report now. */
    public synchronized void report() {
        String json = JsonReport.render(StatRows.of(MeterReader.readAll(registry.get()), rates), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                ReportSettings.pid(), null, true);
        try {
            AtomicFile.write(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("viewmetrics: cannot write the JSON report " + file, e);
        }
    }

    /** Stops the thread and writes a final report; later calls do nothing. */
    @Override
    public void close() {
        if (lifecycle.close()) {
            Lifecycle.stop(executor);
            reportQuietly();
        }
    }

    private void tick() {
        try {
            rates.tick(registry.get(), System.nanoTime());
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void reportQuietly() {
        try {
            report();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        if (!failureLogged) {
            failureLogged = true;
            LOG.log(System.Logger.Level.WARNING, "viewmetrics: JSON report of " + file + " failed (logged once)", e);
        }
    }

    /**
     * Builds a {@link JsonFileReporter}. Keys: {@code report.file} (default
     * {@code {java.io.tmpdir}/{service}-{pid}.json}; {@code {pid}} and {@code {service}} are replaced),
     * {@code report.interval} (60 s), {@code service}.
     */
    public static final class Builder extends SettingsBuilder<Builder> {
        private final Supplier<MeterRegistry> registry;

        private Builder(Supplier<MeterRegistry> registry) {
            this.registry = registry;
        }

        /** Where reports go ({@code report.file}). */
        public Builder file(Path file) {
            return set(ReportSettings.REPORT_FILE, file.toString());
        }

        /** How often ({@code report.interval}, 60 s). */
        public Builder interval(Duration interval) {
            return set(ReportSettings.REPORT_INTERVAL, interval.toMillis() + "ms");
        }

        /** Builds the reporter, not started; an invalid setting fails with a message naming the key. */
        public JsonFileReporter build() {
            Settings read = settings();
            Path file = ReportSettings.path(read, ReportSettings.REPORT_FILE,
                    ReportSettings.tmpdir().resolve("{service}-{pid}.json").toString());
            Duration interval = ReportSettings.positive(read, ReportSettings.REPORT_INTERVAL, DEFAULT_INTERVAL);
            return new JsonFileReporter(registry, file, interval);
        }

        /** Builds and starts the reporter. */
        public JsonFileReporter start() {
            return build().start();
        }
    }
}
