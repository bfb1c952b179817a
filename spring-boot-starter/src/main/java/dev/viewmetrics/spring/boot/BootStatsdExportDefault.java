package dev.viewmetrics.spring.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Keeps Spring Boot's own StatsD export off unless the application configures it. The starter brings Micrometer's
 * StatsD registry jar (viewmetrics' line formats come from it), which Boot's actuator would otherwise take as the
 * wish to export every metric to an agent on {@code localhost:8125}. Any {@code management.statsd.metrics.export.*}
 * property (or its environment variable) leaves Boot's default alone; the default added here is the lowest-ranked
 * property source, so every other source still overrides it.
 */
final class BootStatsdExportDefault implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "viewmetrics-boot-statsd-export-default";
    private static final ConfigurationPropertyName EXPORT = ConfigurationPropertyName.of("management.statsd.metrics.export");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE) || configured(environment)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                Map.of("management.statsd.metrics.export.enabled", "false")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config data (application.properties) is loaded
    }

    private static boolean configured(ConfigurableEnvironment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(EXPORT) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
