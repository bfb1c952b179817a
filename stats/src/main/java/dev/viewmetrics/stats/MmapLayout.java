package dev.viewmetrics.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The layout of a {@code .vmstats} file, version 1, shared by the publisher and the readers (JDK only). All
 * numbers are little-endian; records start 8-byte aligned.
 *
 * <pre>
 * header (64 bytes)
 *   0  8  magic "VMSTATS\0"          8  4  version (1)             12 4  header size (64)
 *   16 8  pid                        24 8  created, ms since epoch 32 8  updated, ms since epoch
 *   40 4  end: bytes in use          44 4  capacity: file size     48 4  records
 *   52 4  flags (1 = closed)         56 4  meters left out (full)  60 4  publish interval, ms
 * record (from offset 64, one after another up to "end")
 *   0  8  sequence: odd while the publisher writes the values, even when they are whole
 *   8  4  record length (a multiple of 8)     12 1  type (1 counter, 2 gauge, 3 timer, 4 summary,
 *   13 1  flags (1 = meter removed)                   5 long task timer, 6 other)
 *   14 2  tag count
 *   16 48 six float64 values (NaN = unknown)
 *   64 .. strings: name, then key and value of each tag, then the base unit (length 0: none); each a u16
 *         byte length and UTF-8 bytes. A record that ends before the unit (zero padding reads as length 0)
 *         has none.
 * </pre>
 */
final class MmapLayout {

    static final byte[] MAGIC = "VMSTATS\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 64;
    static final String EXTENSION = ".vmstats";

    static final int H_VERSION = 8;
    static final int H_HEADER_SIZE = 12;
    static final int H_PID = 16;
    static final int H_CREATED = 24;
    static final int H_UPDATED = 32;
    static final int H_END = 40;
    static final int H_CAPACITY = 44;
    static final int H_RECORDS = 48;
    static final int H_FLAGS = 52;
    static final int H_LEFT_OUT = 56;
    static final int H_INTERVAL = 60;

    static final int FLAG_CLOSED = 1;

    static final int R_SEQUENCE = 0;
    static final int R_LENGTH = 8;
    static final int R_TYPE = 12;
    static final int R_FLAGS = 13;
    static final int R_TAG_COUNT = 14;
    static final int R_VALUES = 16;
    static final int VALUE_COUNT = 6;
    static final int R_STRINGS = R_VALUES + 8 * VALUE_COUNT;
    static final int RECORD_REMOVED = 1;

    /** The longest string kept, in UTF-8 bytes; longer names and tags are cut at a character boundary. */
    static final int MAX_STRING = 1024;

    /** Value slots: counter and gauge use {@code VALUE}; timers and summaries all six; long task timers three. */
    static final int COUNT = 0;
    static final int VALUE = 0;
    static final int TOTAL = 1;
    static final int MAX = 2;
    static final int P50 = 3;
    static final int P95 = 4;
    static final int P99 = 5;

    /** 8-byte fields of a mapped buffer; aligned, so acquire/release and opaque access are atomic. */
    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 4-byte fields of a mapped buffer. */
    static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private MmapLayout() {
    }

    static int align8(int n) {
        return (n + 7) & ~7;
    }
}
