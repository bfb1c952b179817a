package dev.viewmetrics.mixins;

import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.statsd.ConnectorSettings;

/**
 * sprockets-statsd's settings, read from context init-params ({@code statsd.enabled}, {@code statsd.host},
 * {@code statsd.port}, {@code statsd.protocol}, {@code statsd.prefix}, {@code service}, {@code environment})
 * over environment variables ({@code STATSD_ENABLED}, {@code STATSD_HOST}, …).
 */
final class MixinSettings {

    final boolean enabled;
    final String prefix;
    final ConnectorSettings connector;

    private MixinSettings(boolean enabled, String prefix, ConnectorSettings connector) {
        this.enabled = enabled;
        this.prefix = prefix;
        this.connector = connector;
    }

    /** Reads and validates; a missing host while enabled is an error naming {@code STATSD_HOST}. */
    static MixinSettings from(Settings settings) {
        if (!settings.getBoolean("statsd.enabled", true)) {
            return new MixinSettings(false, "", null);
        }
        if (settings.get("statsd.host") == null) {
            throw new IllegalStateException("viewmetrics mixins: STATSD_HOST is required while StatsD is enabled: "
                    + "set the environment variable STATSD_HOST (or the context init-param statsd.host), "
                    + "or disable StatsD with STATSD_ENABLED=false");
        }
        ConnectorSettings connector = ConnectorSettings.from(settings);
        if (settings.get("statsd.protocol") == null) {
            connector = connector.withProtocol(ConnectorSettings.Protocol.TCP); // sprockets' default
        }
        return new MixinSettings(true, prefix(settings), connector);
    }

    /** {@code STATSD_PREFIX} if set (empty: no prefix), else {@code applications.{service}.{environment}}. */
    private static String prefix(Settings settings) {
        String explicit = settings.getAllowingEmpty("statsd.prefix");
        if (explicit != null) {
            return explicit;
        }
        String service = settings.get("service");
        String environment = settings.get("environment");
        if (service == null || environment == null) {
            return "";
        }
        return MetricPath.join("applications", service, environment);
    }
}
