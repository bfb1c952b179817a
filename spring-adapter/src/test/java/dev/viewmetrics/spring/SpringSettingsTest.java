package dev.viewmetrics.spring;

import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code viewmetrics.*} settings are read from a Spring {@code Environment}. */
class SpringSettingsTest {

    private final StandardEnvironment environment = IsolatedEnvironment.apply(new StandardEnvironment(), Map.of());

    private void add(String name, Map<String, Object> properties) {
        environment.getPropertySources().addFirst(new MapPropertySource(name, properties));
    }

    @Test
    void prefixedPropertiesBecomeConfigurationKeys() {
        add("application", Map.of("viewmetrics.statsd.host", "agent.local", "viewmetrics.statsd.port", 9125,
                "viewmetrics.service", "shop", "viewmetrics.max-routes", "200", "unrelated.service", "other"));

        assertThat(SpringSettings.read(environment)).containsOnly(Map.entry("statsd.host", "agent.local"),
                Map.entry("statsd.port", "9125"), Map.entry("service", "shop"), Map.entry("max-routes", "200"));
    }

    @Test
    void relaxedEnvironmentVariableNamesAreFound() {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("VIEWMETRICS_STATSD_FLAVOR", "etsy", "VIEWMETRICS_CPU_TIME", "false")));

        assertThat(SpringSettings.read(environment))
                .containsEntry("statsd.flavor", "etsy").containsEntry("cpu-time", "false");
    }

    @Test
    void everyKeyOfTheConfigurationTableIsFoundUnderItsRelaxedEnvironmentVariable() {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "VIEWMETRICS_CPU_SAMPLE_EVERY", "10", "VIEWMETRICS_STATSD_QUEUE_SIZE", "4096",
                "VIEWMETRICS_STATSD_RECONNECT_MAX", "30s", "VIEWMETRICS_GLOBAL_REGISTRY", "false",
                "VIEWMETRICS_ENABLED", "true", "VIEWMETRICS_STATSD_POLL_INTERVAL", "5s")));

        assertThat(SpringSettings.read(environment)).containsEntry("cpu-sample-every", "10")
                .containsEntry("statsd.queue-size", "4096").containsEntry("statsd.reconnect-max", "30s")
                .containsEntry("global-registry", "false").containsEntry("enabled", "true")
                .containsEntry("statsd.poll-interval", "5s");
    }

    @Test
    void higherPrecedenceSourcesWinAndPlaceholdersResolve() {
        add("defaults", Map.of("viewmetrics.environment", "dev", "deploy.stage", "prod"));
        add("overrides", Map.of("viewmetrics.environment", "${deploy.stage}"));

        assertThat(SpringSettings.read(environment)).containsEntry("environment", "prod");
    }

    @Test
    void yamlListEntriesAreJoinedInIndexOrder() {
        add("yaml", Map.of("viewmetrics.exclude[1]", "/static/**", "viewmetrics.exclude[0]", "/health",
                "viewmetrics.routes[0]", "/legacy/{id}"));

        assertThat(SpringSettings.read(environment))
                .containsEntry("exclude", "/health,/static/**").containsEntry("routes", "/legacy/{id}");
    }

    @Test
    void keysBeyondTheTableArePassedOn() {
        add("application", Map.of("viewmetrics.statsd.queue-size", "4096"));

        assertThat(SpringSettings.read(environment)).containsEntry("statsd.queue-size", "4096");
    }

    @Test
    void nothingSetReadsNothing() {
        assertThat(SpringSettings.read(environment)).doesNotContainKeys("statsd.host", "service");
    }
}
