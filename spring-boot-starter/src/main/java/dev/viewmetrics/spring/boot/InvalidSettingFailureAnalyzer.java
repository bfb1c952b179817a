package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.config.Settings;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the core's rejection of a setting ({@code viewmetrics: setting 'max-routes' must be a whole number from 1 to
 * 1000000, but was '-3'}) into Boot's failure analysis: the property, its value and where it was set, what is
 * allowed, and what to do. Values whose type is already wrong ({@code viewmetrics.statsd.protocol=carrier-pigeon})
 * never get this far: Boot's own bind failure analysis names them and lists the allowed values.
 */
final class InvalidSettingFailureAnalyzer implements FailureAnalyzer {

    /** {@code viewmetrics: setting 'KEY' ...}, or a connector check that starts with its key ({@code statsd.KEY ...}). */
    private static final Pattern KEY = Pattern.compile("^viewmetrics: setting '([a-z0-9.-]+)'|^(statsd\\.[a-z-]+)\\b");

    private final Environment environment;

    InvalidSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                Matcher key = KEY.matcher(cause.getMessage());
                if (key.find()) {
                    return analysis(key.group(1) != null ? key.group(1) : key.group(2), cause);
                }
            }
        }
        return null;
    }

    private FailureAnalysis analysis(String key, Throwable cause) {
        String property = "viewmetrics." + key;
        StringBuilder description = new StringBuilder("Invalid viewmetrics setting '" + property + "':\n");
        ConfigurationProperty bound = find(property);
        if (bound != null) {
            description.append("\n    Property: ").append(property)
                    .append("\n    Value: \"").append(bound.getValue()).append('"');
            if (bound.getOrigin() != null) {
                description.append("\n    Origin: ").append(bound.getOrigin());
            }
        } else {
            description.append("\n    Property: ").append(property).append(" (or the environment variable ")
                    .append(String.join(", ", Settings.environmentNames(key))).append(')');
        }
        description.append("\n    Reason: ").append(cause.getMessage()).append('\n');
        return new FailureAnalysis(description.toString(), "Update your application's configuration: set '" + property
                + "' to a value the reason allows, or remove it to keep the default.", cause);
    }

    private ConfigurationProperty find(String property) {
        if (environment == null) {
            return null;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
