package dev.viewmetrics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .vmstats layout as the JDK-only reader sees what the writer put there. */
class StatsMappingTest {

    @TempDir
    Path dir;

    @Test
    void readerSeesKindsNamesTagsAndValuesTheWriterPublished() throws IOException {
        MmapWriter writer = MmapWriter.create(dir.resolve("shop-1.vmstats"), 4242, 64 * 1024, 1000);
        int timer = writer.add(MeterKind.TIMER, "view.duration", List.of("route", "/users/{id}", "method", "GET"));
        int gauge = writer.add(MeterKind.GAUGE, "queue.depth", List.of());
        writer.write(timer, new double[] {3, 36.5, 20, 10, 19, 20});
        writer.write(gauge, new double[] {7});
        writer.updated(1_700_000_000_000L);

        StatsMapping.Snapshot snapshot = StatsMapping.open(dir.resolve("shop-1.vmstats")).read();

        assertThat(snapshot.pid()).isEqualTo(4242);
        assertThat(snapshot.intervalMillis()).isEqualTo(1000);
        assertThat(snapshot.updated().toEpochMilli()).isEqualTo(1_700_000_000_000L);
        assertThat(snapshot.closed()).isFalse();
        assertThat(snapshot.records()).hasSize(2);
        StatsRecord first = snapshot.records().get(0);
        assertThat(first.kind()).isEqualTo(MeterKind.TIMER);
        assertThat(first.key()).isEqualTo("view.duration{route=/users/{id},method=GET}");
        assertThat(first.tag("route")).isEqualTo("/users/{id}");
        assertThat(first.values()).containsExactly(3, 36.5, 20, 10, 19, 20);
        assertThat(first.whole()).isTrue();
        StatsRecord second = snapshot.records().get(1);
        assertThat(second.key()).isEqualTo("queue.depth");
        assertThat(second.value(MmapLayout.VALUE)).isEqualTo(7);
    }

    @Test
    void headerAndRecordsFollowTheDocumentedByteLayout() throws IOException {
        Path file = dir.resolve("layout.vmstats");
        MmapWriter writer = MmapWriter.create(file, 99, 4096, 250);
        int offset = writer.add(MeterKind.COUNTER, "jobs", List.of("k", "v"));
        writer.write(offset, new double[] {5});

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes.array(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("VMSTATS\0");
        assertThat(bytes.getInt(8)).isEqualTo(1);
        assertThat(bytes.getInt(12)).isEqualTo(64);
        assertThat(bytes.getLong(16)).isEqualTo(99);
        assertThat(bytes.getInt(40)).isEqualTo(64 + 80); // end: header + record (64 fixed + 2+4 + 2+1 + 2+1 = 76, padded)
        assertThat(bytes.getInt(44)).isEqualTo(4096);
        assertThat(bytes.getInt(48)).isEqualTo(1);
        assertThat(bytes.getInt(60)).isEqualTo(250);
        assertThat(offset).isEqualTo(64);
        assertThat(bytes.getLong(64)).isEqualTo(2); // sequence: even, one update
        assertThat(bytes.getInt(64 + 8)).isEqualTo(80);
        assertThat(bytes.get(64 + 12)).isEqualTo((byte) 1);
        assertThat(bytes.getShort(64 + 14)).isEqualTo((short) 1);
        assertThat(bytes.getDouble(64 + 16)).isEqualTo(5.0);
        assertThat(Double.isNaN(bytes.getDouble(64 + 24))).isTrue();
        assertThat(bytes.getShort(64 + 64)).isEqualTo((short) 4);
        assertThat(new String(bytes.array(), 64 + 66, 4, StandardCharsets.UTF_8)).isEqualTo("jobs");
    }

    @Test
    void newRecordsAppearToAReaderThatIsAlreadyOpen() throws IOException {
        MmapWriter writer = MmapWriter.create(dir.resolve("grow.vmstats"), 1, 64 * 1024, 1000);
        StatsMapping mapping = StatsMapping.open(dir.resolve("grow.vmstats"));
        assertThat(mapping.read().records()).isEmpty();

        writer.write(writer.add(MeterKind.COUNTER, "later", List.of()), new double[] {1});

        assertThat(mapping.read().records()).extracting(StatsRecord::name).containsExactly("later");
    }

    @Test
    void namesBeyondTheLimitAreCutAtACharacterBoundary() throws IOException {
        MmapWriter writer = MmapWriter.create(dir.resolve("long.vmstats"), 1, 64 * 1024, 1000);
        String name = "\u00e9".repeat(MmapLayout.MAX_STRING);
        writer.add(MeterKind.GAUGE, name, List.of("route", "/\u65e5\u672c"));

        StatsRecord record = StatsMapping.open(dir.resolve("long.vmstats")).read().records().get(0);

        assertThat(record.name()).hasSize(MmapLayout.MAX_STRING / 2).matches("\u00e9+");
        assertThat(record.tag("route")).isEqualTo("/\u65e5\u672c");
    }

    @Test
    void aFullFileCountsTheMetersItLeavesOut() throws IOException {
        MmapWriter writer = MmapWriter.create(dir.resolve("full.vmstats"), 1, 256, 1000);
        assertThat(writer.add(MeterKind.COUNTER, "a", List.of())).isPositive();
        assertThat(writer.add(MeterKind.COUNTER, "b", List.of())).isPositive();
        assertThat(writer.add(MeterKind.COUNTER, "c", List.of())).isEqualTo(-1);

        StatsMapping.Snapshot snapshot = StatsMapping.open(dir.resolve("full.vmstats")).read();

        assertThat(snapshot.records()).hasSize(2);
        assertThat(snapshot.leftOut()).isEqualTo(1);
    }

    @Test
    void otherFilesAreRefusedWithTheReason() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.vmstats"), "x".repeat(100));
        assertThatThrownBy(() -> StatsMapping.open(text)).isInstanceOf(StatsMapping.NotStatsFileException.class)
                .hasMessageContaining("no VMSTATS magic");

        Path future = dir.resolve("future.vmstats");
        MmapWriter.create(future, 1, 4096, 1000);
        byte[] bytes = Files.readAllBytes(future);
        bytes[8] = 2;
        Files.write(future, bytes);
        assertThatThrownBy(() -> StatsMapping.open(future)).hasMessageContaining("layout version 2, this reader knows 1");
    }

    @Test
    void aRecordLeftMidUpdateByAKilledPublisherIsReportedAsNotWhole() throws IOException {
        Path file = dir.resolve("killed.vmstats");
        MmapWriter writer = MmapWriter.create(file, 1, 4096, 1000);
        int offset = writer.add(MeterKind.COUNTER, "jobs", List.of());
        writer.write(offset, new double[] {41});
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer odd = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 3);
            channel.write(odd, offset); // the sequence as a publisher killed between its two writes leaves it
        }

        StatsRecord record = StatsMapping.open(file).read().records().get(0);

        assertThat(record.whole()).isFalse();
        assertThat(record.value(MmapLayout.COUNT)).isEqualTo(41);
        assertThat(SlurpStats.describe(record)).isEqualTo("41 (torn: the publisher stopped while writing it)");
    }

    @Test
    void noReaderEverFindsTheFileWithoutItsHeader() throws IOException {
        Path file = dir.resolve("svc-7.vmstats");
        MmapWriter.create(file, 7, 4096, 1000);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("svc-7.vmstats");
        }
        assertThat(StatsMapping.open(file).pid()).isEqualTo(7);
    }
}
