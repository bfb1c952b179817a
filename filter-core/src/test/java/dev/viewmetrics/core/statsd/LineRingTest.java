package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.ConnectorCounters.Drop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring between recording threads and the sender: lines of many writers at once, both of its bounds, a writer
 * that fails or is still writing, and the end of the connector.
 */
@Timeout(60)
class LineRingTest {

    private final ConnectorCounters counters = new ConnectorCounters("test", ConnectorClock.SYSTEM);

    @Test
    void everyWritersLinesArriveOnceAndInTheirOrderAcrossManyWrapArounds() throws Exception {
        LineRing ring = new LineRing(64, counters); // 64 KiB: the lines below wrap it about 200 times
        int writers = 4;
        int perWriter = 40_000;
        AtomicLong refused = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int seq = 0; seq < perWriter; seq++) {
                    String line = line(writer, seq);
                    while (!ring.offer(line)) {
                        refused.incrementAndGet(); // full: what the sender has not read yet bounds the ring
                        Thread.onSpinWait();
                    }
                }
            }, "ring-writer-" + w);
            thread.start();
            threads.add(thread);
        }

        int[] next = new int[writers];
        int received = 0;
        TransportBatch batch = new TransportBatch(1433);
        start.countDown();
        while (received < writers * perWriter) {
            batch.clear();
            ring.drainTo(batch);
            if (batch.isEmpty()) {
                Thread.onSpinWait();
                continue;
            }
            for (String line : text(batch.datagram()).split("\n")) {
                int writer = line.charAt(1) - '0';
                assertThat(line).isEqualTo(line(writer, next[writer]));
                next[writer]++;
                received++;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(next).containsOnly(perWriter);
        assertThat(ring.isEmpty()).isTrue();
        assertThat(counters.dropped(Drop.QUEUE_FULL)).isEqualTo(refused.get());
    }

    @Test
    void theLineBoundIsExactAndEveryRefusalIsCountedAsQueueFull() {
        LineRing ring = new LineRing(10, counters);
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            accepted += ring.offer("bound." + i + ":1|c") ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(10);
        assertThat(ring.size()).isEqualTo(10);
        assertThat(counters.dropped(Drop.QUEUE_FULL)).isEqualTo(15);
        assertThat(drain(ring)).hasSize(10).startsWith("bound.0:1|c").endsWith("bound.9:1|c");
    }

    @Test
    void theByteBoundRefusesWhatDoesNotFitAndNeverTakesALineLongerThanHalfTheRing() {
        LineRing ring = new LineRing(1_000, counters); // 128 000 bytes wanted: a ring of 128 KiB
        assertThat(ring.bytes()).isEqualTo(128 * 1024);
        String big = "b".repeat(40_000);

        assertThat(ring.offer(big)).isTrue();
        assertThat(ring.offer(big)).isTrue();
        assertThat(ring.offer(big)).isTrue();
        assertThat(ring.offer(big)).as("a fourth does not fit into 128 KiB").isFalse();
        assertThat(ring.offer("x".repeat(64 * 1024 + 1))).as("longer than half the ring").isFalse();
        assertThat(counters.dropped(Drop.QUEUE_FULL)).isEqualTo(2);

        assertThat(drain(ring)).containsExactly(big, big, big);
        assertThat(ring.offer(big)).as("room again once read").isTrue();
    }

    @Test
    void aLineStillBeingWrittenHoldsBackTheLinesAfterItUntilItIsPublished() {
        LineRing ring = new LineRing(100, counters);
        byte[] first = "first:1|c".getBytes(StandardCharsets.US_ASCII);
        int at = ring.claim(first.length);
        assertThat(ring.offer("second:1|c")).isTrue();

        assertThat(drain(ring)).as("nothing overtakes a line being written").isEmpty();
        System.arraycopy(first, 0, ring.buffer(), at, first.length);
        assertThat(ring.commit(at, first.length)).isTrue();

        assertThat(drain(ring)).containsExactly("first:1|c", "second:1|c");
    }

    @Test
    void aLineWhoseWriterFailedIsSkippedAndTheLinesAfterItArrive() {
        LineRing ring = new LineRing(100, counters);
        int at = ring.claim(20);
        ring.abort(at, 20);
        assertThat(ring.offer("after:1|c")).isTrue();

        assertThat(drain(ring)).containsExactly("after:1|c");
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void afterCloseLinesAreRefusedAsClosedAndWhatIsQueuedCanStillBeRead() {
        LineRing ring = new LineRing(100, counters);
        assertThat(ring.offer("queued:1|c")).isTrue();
        ring.close();

        assertThat(ring.offer("late:1|c")).isFalse();
        assertThat(counters.dropped(Drop.CLOSED)).isEqualTo(1);
        assertThat(drain(ring)).containsExactly("queued:1|c");
    }

    @Test
    void aLinePublishedAfterTheEndIsDroppedAndCountedAsClosed() {
        LineRing ring = new LineRing(100, counters);
        assertThat(ring.offer("queued:1|c")).isTrue();
        int at = ring.claim(9); // a writer that got its room just before the end
        ring.terminate();
        assertThat(counters.dropped(Drop.CLOSED)).isEqualTo(1);

        System.arraycopy("late:1|c!".getBytes(StandardCharsets.US_ASCII), 0, ring.buffer(), at, 9);
        assertThat(ring.commit(at, 9)).isFalse();
        assertThat(counters.dropped(Drop.CLOSED)).isEqualTo(2);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void linesAreEncodedAsUtf8() {
        LineRing ring = new LineRing(100, counters);
        assertThat(ring.offer("café.ü:1|c")).isTrue();

        assertThat(drain(ring)).containsExactly("café.ü:1|c");
    }

    private static String line(int writer, int seq) {
        return "w" + writer + "." + seq + "." + "x".repeat(seq % 190) + ":1|c";
    }

    private static List<String> drain(LineRing ring) {
        TransportBatch batch = new TransportBatch(1 << 20);
        ring.drainTo(batch);
        return batch.isEmpty() ? List.of() : List.of(text(batch.datagram()).split("\n"));
    }

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
