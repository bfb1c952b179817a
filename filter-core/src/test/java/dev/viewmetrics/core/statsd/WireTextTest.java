package dev.viewmetrics.core.statsd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as the request path writes them: integer arithmetic into bytes, the same text as {@link WireText#number}. */
class WireTextTest {

    @ParameterizedTest(name = "{0} nanoseconds are {1} ms")
    @CsvSource({
        "12500000, 12.5",
        "0, 0",
        "1, 0.000001",
        "3000000, 3",
        "1234567891, 1234.567891",
        "120000, 0.12",
        "9223372036854775807, 9223372036854.775807",
    })
    void nanosecondsAreExactMillisecondsWithoutTrailingZeros(long nanos, String millis) {
        assertThat(written(nanos, WireText.MICRO_DIGITS)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} is written {0}")
    @CsvSource({"0", "7", "4096", "-3", "9223372036854775807", "-9223372036854775807"})
    void wholeNumbersAreWrittenAsTheyAre(long value) {
        assertThat(written(value, 0)).isEqualTo(Long.toString(value));
    }

    @Test
    void doublesAreWrittenAsTheirTextFormSays() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-8, 12));
            long micros = WireText.micros(value);
            BigDecimal expected = BigDecimal.valueOf(micros).movePointLeft(WireText.MICRO_DIGITS);
            String text = written(micros, WireText.MICRO_DIGITS);

            assertThat(text).isEqualTo(WireText.number(value));
            assertThat(new BigDecimal(text)).isEqualByComparingTo(expected);
            assertThat(text).doesNotContain("E").doesNotEndWith(".");
        }
    }

    @Test
    void valuesTooLargeForMillionthsAreMarkedForTheTextPath() {
        assertThat(WireText.micros(9.0e12)).isEqualTo(WireText.HUGE);
        assertThat(WireText.micros(Double.NaN)).isZero();
        assertThat(WireText.micros(-0.0000004)).isZero();
    }

    private static String written(long units, int digits) {
        byte[] line = new byte[WireText.decimalLength(units, digits) + 2];
        line[0] = ':';
        int end = WireText.writeDecimal(line, 1, units, digits);
        assertThat(end).as("the length is what is written").isEqualTo(line.length - 1);
        line[end] = '|';
        String text = new String(line, StandardCharsets.US_ASCII);
        assertThat(text).startsWith(":").endsWith("|");
        return text.substring(1, text.length() - 1);
    }
}
