package dev.viewmetrics.core.statsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    @Test
    void onlyTheHostIsRequiredEverythingElseHasADefault() {
        ConnectorSettings settings = ConnectorSettings.from(Map.of("statsd.host", "agent.local")::get);

        assertThat(settings).isEqualTo(new ConnectorSettings("agent.local", 8125, Protocol.UDP, 10_000, 1432,
                Duration.ofMillis(100), Duration.ofSeconds(10), null, Duration.ofSeconds(5)));
        assertThat(ConnectorSettings.builder("agent.local").build()).isEqualTo(settings);
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> values = new HashMap<>();
        values.put("statsd.host", " 10.0.0.7 ");
        values.put("statsd.port", "9125");
        values.put("statsd.protocol", "TCP");
        values.put("statsd.queue-size", "500");
        values.put("statsd.max-packet-size", "8932");
        values.put("statsd.reconnect-min", "250ms");
        values.put("statsd.reconnect-max", "PT30S");
        values.put("statsd.reconnect-every", "2m");
        values.put("statsd.close-timeout", "1500");

        assertThat(ConnectorSettings.from(values::get)).isEqualTo(new ConnectorSettings("10.0.0.7", 9125, Protocol.TCP,
                500, 8932, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMillis(1500)));
    }

    @ParameterizedTest
    @CsvSource({"udp, UDP", "Tcp, TCP", "UDS, UDS"})
    void theProtocolIgnoresCase(String raw, Protocol expected) {
        assertThat(ConnectorSettings.from(Map.of("statsd.host", "h", "statsd.protocol", raw)::get).protocol())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "10s, PT10S", "2m, PT2M", "1h, PT1H", "PT10S, PT10S", "pt1m30s, PT1M30S", "750, PT0.75S"})
    void durationsAcceptUnitsIsoAndBareMilliseconds(String raw, Duration expected) {
        assertThat(ConnectorSettings.from(Map.of("statsd.host", "h", "statsd.close-timeout", raw)::get).closeTimeout())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0", "0s", "PT0S"})
    void aZeroReconnectEveryTurnsRotationOff(String raw) {
        assertThat(ConnectorSettings.from(Map.of("statsd.host", "h", "statsd.reconnect-every", raw)::get).reconnectEvery())
                .isNull();
    }

    @Test
    void aMissingHostIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> ConnectorSettings.from(Map.of("statsd.port", "8125")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statsd.host");
        assertThatThrownBy(() -> ConnectorSettings.from(Map.of("statsd.host", "  ")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statsd.host");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "statsd.port|http|whole number",
            "statsd.port|0|whole number",
            "statsd.port|70000|whole number",
            "statsd.protocol|http|udp, tcp or uds",
            "statsd.queue-size|-1|whole number",
            "statsd.queue-size|lots|whole number",
            "statsd.queue-size|20000000|from 1 to 10000000",
            "statsd.max-packet-size|65508|whole number",
            "statsd.max-packet-size|1.5k|whole number",
            "statsd.reconnect-min|0|positive",
            "statsd.reconnect-min|soon|250ms",
            "statsd.reconnect-max|10 parsecs|250ms",
            "statsd.reconnect-every|-5s|not negative",
            "statsd.reconnect-every|weekly|PT10S",
            "statsd.close-timeout|-1|not negative",
            "statsd.close-timeout|5 s s|milliseconds"})
    void anInvalidValueIsAnErrorNamingTheKeyTheValueAndWhatIsAccepted(String key, String raw, String accepted) {
        assertThatThrownBy(() -> ConnectorSettings.from(Map.of("statsd.host", "h", key, raw)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("'" + raw + "'")
                .hasMessageContaining(accepted);
    }

    @Test
    void aReconnectMaxBelowTheMinIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> ConnectorSettings.from(
                Map.of("statsd.host", "h", "statsd.reconnect-min", "5s", "statsd.reconnect-max", "1s")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statsd.reconnect-max").hasMessageContaining("statsd.reconnect-min");
    }

    @Test
    void withMethodsChangeOneSetting() {
        ConnectorSettings base = ConnectorSettings.builder("h").build();

        assertThat(base.withPort(1).port()).isEqualTo(1);
        assertThat(base.withHost("other").host()).isEqualTo("other");
        assertThat(base.withProtocol(Protocol.UDS).protocol()).isEqualTo(Protocol.UDS);
        assertThat(base.withQueueSize(7).queueSize()).isEqualTo(7);
        assertThat(base.withMaxPacketSize(512).maxPacketSize()).isEqualTo(512);
        assertThat(base.withReconnect(Duration.ofMillis(1), Duration.ofMillis(2)).reconnectMax())
                .isEqualTo(Duration.ofMillis(2));
        assertThat(base.withReconnectEvery(Duration.ofMinutes(1)).reconnectEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(base.withCloseTimeout(Duration.ZERO).closeTimeout()).isZero();
        assertThat(base.withPort(1).withPort(8125)).isEqualTo(base);
    }
}
