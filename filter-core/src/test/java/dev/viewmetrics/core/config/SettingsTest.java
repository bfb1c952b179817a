package dev.viewmetrics.core.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration keys, their environment variables, precedence and validation. */
class SettingsTest {

    @Test
    void explicitValuesWinOverTheEnvironment() {
        Settings settings = Settings.of(Map.of("statsd.host", "explicit")::get,
                Map.of("STATSD_HOST", "from-env", "STATSD_PORT", "9125")::get);
        assertThat(settings.get("statsd.host")).isEqualTo("explicit");
        assertThat(settings.getInt("statsd.port", 8125, 1, 65535)).isEqualTo(9125);
    }

    @Test
    void datadogVariablesAreFallbacksForGlobalTags() {
        Settings settings = Settings.of(key -> null,
                Map.of("DD_SERVICE", "dd-shop", "ENVIRONMENT", "prod", "DD_ENV", "dd-prod", "DD_VERSION", "1.2")::get);
        assertThat(settings.get("service")).isEqualTo("dd-shop");
        assertThat(settings.get("environment")).isEqualTo("prod");
        assertThat(settings.get("version")).isEqualTo("1.2");
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(Settings.environmentNames("statsd.queue-size")).containsExactly("STATSD_QUEUE_SIZE");
        assertThat(Settings.environmentNames("service")).containsExactly("SERVICE", "DD_SERVICE");
        assertThat(Settings.environmentNames("enabled")).containsExactly("VIEWMETRICS_ENABLED");
        assertThat(Settings.environmentNames("cpu-time")).containsExactly("VIEWMETRICS_CPU_TIME");
        assertThat(Settings.environmentNames("max-routes")).containsExactly("VIEWMETRICS_MAX_ROUTES");
    }

    @Test
    void blankValuesAreUnset() {
        Settings settings = Settings.of(Map.of("statsd.host", "  ")::get, Map.of("STATSD_HOST", "env")::get);
        assertThat(settings.get("statsd.host")).isEqualTo("env");
    }

    @Test
    void invalidValuesNameTheKeyAndTheValue() {
        Settings settings = Settings.of(
                Map.of("max-routes", "lots", "cpu-time", "maybe", "statsd.port", "70000", "close", "soon")::get,
                key -> null);
        assertThatThrownBy(() -> settings.getInt("max-routes", 500, 1, 1000))
                .hasMessageContaining("'max-routes'").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> settings.getBoolean("cpu-time", true))
                .hasMessageContaining("'cpu-time'").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> settings.getInt("statsd.port", 8125, 1, 65535))
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> settings.getDuration("close", Duration.ZERO)).hasMessageContaining("'soon'");
    }

    @Test
    void durationsAcceptUnitsIsoAndBareMillis() {
        Settings settings = Settings.of(Map.of("a", "250ms", "b", "10s", "c", "2m", "d", "PT1.5S", "e", "40")::get,
                key -> null);
        assertThat(settings.getDuration("a", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.getDuration("b", null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.getDuration("c", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.getDuration("d", null)).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.getDuration("e", null)).isEqualTo(Duration.ofMillis(40));
        assertThat(settings.getDuration("missing", Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void listsAreTrimmedAndSkipEmptyEntries() {
        Settings settings = Settings.of(Map.of("routes", " /a/{id} ,, /b ,")::get, key -> null);
        assertThat(settings.getList("routes")).containsExactly("/a/{id}", "/b");
    }
}
