package dev.viewmetrics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequence counter of each record: a reader never gets half of an update, however the two threads are
 * scheduled. The writer updates the record in bursts, parking briefly between them so that a busy machine still
 * runs the reader; the reader checks every read it makes, and reads until the writer has gone through a number of
 * bursts while it was reading. What is counted is how often the property was checked, never how fast.
 */
@Timeout(120)
class TornReadTest {

    private static final int BURST = 2_000;
    private static final int MIN_READS = 20_000;
    private static final int MIN_BURSTS_WHILE_READING = 50;

    @Test
    void aReaderNeverGetsHalfAnUpdateWhileTheWriterUpdatesTheRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("torn.vmstats");
        MmapWriter writer = MmapWriter.create(file, 1, 4096, 1);
        int offset = writer.add(MeterKind.TIMER, "pair", List.of());
        writer.write(offset, related(1));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong bursts = new AtomicLong();
        Thread hammer = new Thread(() -> {
            for (long i = 2; !stop.get(); bursts.incrementAndGet()) {
                for (int n = 0; n < BURST; n++, i++) {
                    writer.write(offset, related(i));
                }
                LockSupport.parkNanos(50_000);
            }
        }, "test-writer");
        hammer.start();
        StatsMapping reader = StatsMapping.open(file); // a mapping of its own, as another process has
        long reads = 0;
        long whole = 0;
        double first = -1;
        double last = 0;
        try {
            long burstsAtStart = bursts.get();
            while (reads < MIN_READS || bursts.get() - burstsAtStart < MIN_BURSTS_WHILE_READING) {
                StatsRecord record = reader.read().records().get(0);
                reads++;
                if (!record.whole()) {
                    continue; // reported as not whole: allowed (the writer stayed mid-update for 50 ms)
                }
                whole++;
                double[] v = record.values();
                assertThat(new double[] {v[1], v[2], v[3], v[4], v[5]}).as("whole read %d", whole)
                        .containsExactly(-v[0], 2 * v[0], v[0] + 0.5, -2 * v[0], v[0]);
                assertThat(v[0]).as("values never go back").isGreaterThanOrEqualTo(last);
                if (first < 0) {
                    first = v[0];
                }
                last = v[0];
            }
        } finally {
            stop.set(true);
            hammer.join();
        }
        assertThat(whole).as("whole reads among %d", reads).isPositive();
        assertThat(last).as("the writer updated the record while it was read").isGreaterThan(first);
    }

    /** Six values that belong together: any mix of two updates breaks the relation. */
    private static double[] related(long i) {
        return new double[] {i, -i, 2 * i, i + 0.5, -2 * i, i};
    }
}
