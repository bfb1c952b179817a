package dev.viewmetrics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The sequence counter of each record: a reader never sees half of an update, however hard the writer works. */
class TornReadTest {

    @Test
    void readerNeverSeesHalfAnUpdateWhileTheWriterHammersTheRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("torn.vmstats");
        MmapWriter writer = MmapWriter.create(file, 1, 4096, 1);
        int offset = writer.add(MeterKind.TIMER, "pair", List.of());
        writer.write(offset, related(1));
        AtomicBoolean stop = new AtomicBoolean();
        Thread hammer = new Thread(() -> {
            for (long i = 2; !stop.get(); i++) {
                writer.write(offset, related(i));
            }
        }, "hammer");
        hammer.start();
        StatsMapping reader = StatsMapping.open(file); // a mapping of its own, as another process has
        long reads = 0;
        long torn = 0;
        double first = -1;
        double last = 0;
        long deadline = System.nanoTime() + 1_500_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                StatsRecord record = reader.read().records().get(0);
                if (!record.whole()) {
                    torn++;
                    continue;
                }
                double[] v = record.values();
                reads++;
                assertThat(new double[] {v[1], v[2], v[3], v[4], v[5]}).as("read %d", reads)
                        .containsExactly(-v[0], 2 * v[0], v[0] + 0.5, -2 * v[0], v[0]);
                if (first < 0) {
                    first = v[0];
                }
                assertThat(v[0]).isGreaterThanOrEqualTo(last);
                last = v[0];
            }
        } finally {
            stop.set(true);
            hammer.join();
        }
        assertThat(reads).as("whole reads (%d given up: the writer never paused for 50 ms)", torn)
                .isGreaterThan(1000);
        assertThat(last - first).as("the writer made progress while being read").isGreaterThan(1000);
    }

    /** Six values that belong together: any mix of two updates breaks the relation. */
    private static double[] related(long i) {
        return new double[] {i, -i, 2 * i, i + 0.5, -2 * i, i};
    }
}
