package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.config.SettingsBuilder;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes a registry's counters, gauges and timer summaries into the memory-mapped file
 * {@code {stats.mmap-dir}/{service}-{pid}.vmstats}, which other processes read while the application runs
 * ({@code slurpstats}, {@code pollstats}) without calling into it. The thread {@code viewmetrics-mmap-publisher}
 * copies the values every {@code stats.mmap-interval} (1 s) with plain memory writes, each record under a
 * sequence counter so readers never see half an update; requests never touch the file. The file stays after the
 * process ends or dies (with the last values); {@code cleanstats} removes those of processes that are gone.
 *
 * <pre>{@code
 * MmapPublisher publisher = MmapPublisher.builder(registry).service("shop").start();
 * ...
 * publisher.close(); // final values, marked closed
 * }</pre>
 */
public final class MmapPublisher implements AutoCloseable {

    /** How often values are copied unless {@code stats.mmap-interval} says otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** The size of the file: a sparse 4 MiB, room for some 20 000 meters; meters beyond it are counted, not written. */
    static final int CAPACITY = 4 << 20;

    private static final Set<Path> PUBLISHING = ConcurrentHashMap.newKeySet();
    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");

    private final Supplier<MeterRegistry> registry;
    private final Path file;
    private final Duration interval;
    private final Map<Meter.Id, Integer> offsets = new HashMap<>();
    private final Set<Integer> removed = new HashSet<>();
    private final Lifecycle lifecycle = new Lifecycle("viewmetrics-mmap-publisher");
    private final ScheduledExecutorService executor = Threads.single("viewmetrics-mmap-publisher");
    private MmapWriter writer;
    private boolean failureLogged;

    private MmapPublisher(Supplier<MeterRegistry> registry, Path file, Duration interval) {
        this.registry = registry;
        this.file = file;
        this.interval = interval;
    }

    /** A builder of a publisher of {@code registry}. */
    public static Builder builder(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new Builder(() -> registry);
    }

    static Builder builder(Supplier<MeterRegistry> registry) {
        return new Builder(registry);
    }

    /**
     * Creates the file, publishes the current values and starts the thread; once. Fails when this process already
     * publishes to the same file.
     */
    public MmapPublisher start() {
        lifecycle.start(this::close);
        Path key = file.toAbsolutePath().normalize();
        if (!PUBLISHING.add(key)) {
            abandon();
            throw new IllegalStateException("viewmetrics: " + file + " is already published by this process");
        }
        try {
            writer = MmapWriter.create(file, ReportSettings.pid(), CAPACITY, interval.toMillis());
        } catch (IOException e) {
            PUBLISHING.remove(key);
            abandon();
            throw new UncheckedIOException("viewmetrics: cannot create " + file, e);
        }
        publish();
        executor.scheduleAtFixedRate(this::publishQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** The file values are published to. */
    public Path file() {
        return file;
    }

    /** Copies every meter's current values into the file now (the thread does this every interval). */
    public synchronized void publish() {
        if (writer == null) {
            throw new IllegalStateException("viewmetrics: publish() before start()");
        }
        Set<Meter.Id> seen = new HashSet<>();
        for (Meter meter : registry.get().getMeters()) {
            MeterValues values = MeterReader.derived(meter) ? null : MeterReader.read(meter);
            if (values == null) {
                continue;
            }
            seen.add(meter.getId());
            Integer offset = offsets.get(meter.getId());
            if (offset == null) {
                offset = writer.add(values.kind(), values.name(), values.tagPairs(), values.unit());
                offsets.put(meter.getId(), offset);
            }
            if (offset >= 0) {
                writer.write(offset, values.slots());
                if (removed.remove(offset)) {
                    writer.markRemoved(offset, false);
                }
            }
        }
        for (Map.Entry<Meter.Id, Integer> entry : offsets.entrySet()) {
            int offset = entry.getValue();
            if (offset >= 0 && !seen.contains(entry.getKey()) && removed.add(offset)) {
                writer.markRemoved(offset, true);
            }
        }
        writer.updated(System.currentTimeMillis());
    }

    /** Stops the thread, publishes the final values and marks the file closed; later calls do nothing. */
    @Override
    public void close() {
        if (lifecycle.close()) {
            Lifecycle.stop(executor);
            synchronized (this) {
                publishQuietly();
                writer.markClosed();
            }
            PUBLISHING.remove(file.toAbsolutePath().normalize());
        }
    }

    private void abandon() {
        lifecycle.close();
        executor.shutdownNow();
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(System.Logger.Level.WARNING, "viewmetrics: publishing to " + file + " failed (logged once)",
                        e);
            }
        }
    }

    /**
     * Builds a {@link MmapPublisher}. Keys: {@code stats.mmap-dir} ({@code java.io.tmpdir}),
     * {@code stats.mmap-interval} (1 s), {@code service} (the file name's first part, {@code viewmetrics} unset).
     */
    public static final class Builder extends SettingsBuilder<Builder> {
        private final Supplier<MeterRegistry> registry;

        private Builder(Supplier<MeterRegistry> registry) {
            this.registry = registry;
        }

        /** The directory of the file ({@code stats.mmap-dir}). */
        public Builder directory(Path directory) {
            return set(ReportSettings.MMAP_DIR, directory.toString());
        }

        /** How often values are copied ({@code stats.mmap-interval}, 1 s). */
        public Builder interval(Duration interval) {
            return set(ReportSettings.MMAP_INTERVAL, interval.toMillis() + "ms");
        }

        /** Builds the publisher, not started; an invalid setting fails with a message naming the key. */
        public MmapPublisher build() {
            Settings read = settings();
            Path dir = Path.of(read.get(ReportSettings.MMAP_DIR, ReportSettings.tmpdir().toString()));
            Path file = dir.resolve(ReportSettings.service(read) + "-" + ReportSettings.pid() + MmapLayout.EXTENSION);
            Duration interval = ReportSettings.positive(read, ReportSettings.MMAP_INTERVAL, DEFAULT_INTERVAL);
            return new MmapPublisher(registry, file, interval);
        }

        /** Builds and starts the publisher. */
        public MmapPublisher start() {
            return build().start();
        }
    }
}
