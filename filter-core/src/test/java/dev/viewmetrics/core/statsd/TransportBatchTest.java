package dev.viewmetrics.core.statsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransportBatchTest {

    @Test
    void aDatagramHoldsNewlineSeparatedLinesUpToTheLimit() {
        TransportBatch batch = new TransportBatch(12 + 1); // a 12-byte packet
        assertThat(batch.add("a:1|c")).isTrue();
        assertThat(batch.add("bb:1|c")).isTrue();
        assertThat(batch.add("c")).isFalse();

        assertThat(text(batch.datagram())).isEqualTo("a:1|c\nbb:1|c");
        assertThat(batch.lines()).isEqualTo(2);
    }

    @Test
    void sizesAreCountedInUtf8Bytes() {
        TransportBatch batch = new TransportBatch(20 + 1);
        assertThat(batch.add("é".repeat(8))).isTrue(); // 16 bytes
        assertThat(batch.add("a:1|c")).as("16 + 1 + 5 bytes exceed 20").isFalse();
        assertThat(batch.add("a:1")).isTrue();

        assertThat(text(batch.datagram())).isEqualTo("é".repeat(8) + "\na:1");
    }

    @Test
    void anOversizedLineIsTakenAloneAndTheBufferShrinksAfterwards() {
        TransportBatch batch = new TransportBatch(8);
        String big = "x".repeat(100);
        assertThat(batch.add(big)).isTrue();
        assertThat(batch.add("y")).isFalse();
        assertThat(text(batch.datagram())).isEqualTo(big);

        batch.clear();
        assertThat(batch.add("y")).isTrue();
        assertThat(text(batch.datagram())).isEqualTo("y");
    }

    @Test
    void afterAPartialWriteOnlyTheLinesNotWrittenWholeAreKept() {
        TransportBatch batch = new TransportBatch(1024);
        batch.add("one");
        batch.add("two");
        batch.add("three");
        ByteBuffer unwritten = batch.unwritten();
        assertThat(text(unwritten.duplicate())).isEqualTo("one\ntwo\nthree\n");

        assertThat(batch.written(unwritten.position() + 6)).as("'one\\n' and 'tw' went out").isEqualTo(1);
        batch.keepUnwritten();

        assertThat(batch.unwrittenLines()).isEqualTo(2);
        assertThat(text(batch.unwritten())).as("the cut line is sent whole again").isEqualTo("two\nthree\n");
        assertThat(batch.add("four")).isTrue();
        assertThat(text(batch.unwritten())).isEqualTo("two\nthree\nfour\n");
    }

    @Test
    void aWriteThatEndsOnALineBoundaryKeepsNothingTwice() {
        TransportBatch batch = new TransportBatch(1024);
        batch.add("one");
        batch.add("two");
        assertThat(batch.written(4)).isEqualTo(1);
        assertThat(batch.written(8)).isEqualTo(1);
        batch.keepUnwritten();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.unwrittenLines()).isZero();
    }

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
