package dev.viewmetrics.mixins;

import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.statsd.StatsdConnector;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.Objects;
import java.util.function.Function;

/**
 * The application mixin: owns the StatsD connection of a web application, like sprockets-statsd's
 * {@code Application}. Declare it as a {@code <listener>} in {@code web.xml} (it starts and stops with the
 * context), or call {@link #startStatsd()} / {@link #stopStatsd()} from code. Settings come from context
 * init-params ({@code statsd.host}, {@code statsd.port}, {@code statsd.protocol}, {@code statsd.prefix},
 * {@code statsd.enabled}, {@code service}, {@code environment}), falling back to {@code STATSD_HOST},
 * {@code STATSD_PORT}, {@code STATSD_PROTOCOL} ({@code tcp} by default, as in sprockets), {@code STATSD_PREFIX},
 * {@code STATSD_ENABLED}, {@code SERVICE}, {@code ENVIRONMENT}. Without a prefix it is
 * {@code applications.{service}.{environment}}; an empty prefix means none.
 */
public class StatsdApplication implements ServletContextListener {

    /** The servlet context attribute holding the running {@link StatsdClient}. */
    public static final String ATTRIBUTE = "dev.viewmetrics.mixins.statsd";

    /** {@code null}: as {@link ContextEnvironment} says for the context. */
    private final Function<String, String> environment;
    private ServletContext context;
    private StatsdClient client;

    /**
     * For {@code web.xml}: the context comes with {@link #contextInitialized}; environment variables are read as
     * {@link ContextEnvironment} says (the process environment unless the context holds a replacement).
     */
    public StatsdApplication() {
        this.environment = null;
    }

    /** For code: the mixin of {@code context}, reading environment variables as {@code web.xml} does. */
    public StatsdApplication(ServletContext context) {
        this.context = context;
        this.environment = null;
    }

    /** For code and tests: the mixin of {@code context}, reading environment variables from {@code environment}. */
    public StatsdApplication(ServletContext context, Function<String, String> environment) {
        this.context = context;
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The client of {@code context}'s running application mixin, or a disabled one: handlers never fail on it. */
    public static StatsdClient client(ServletContext context) {
        Object client = context == null ? null : context.getAttribute(ATTRIBUTE);
        return client instanceof StatsdClient ? (StatsdClient) client : StatsdClient.disabled();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (this) {
            context = event.getServletContext();
        }
        startStatsd();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        stopStatsd();
    }

    /**
     * Connects to StatsD (idempotent) and publishes the client to handlers.
     *
     * @throws IllegalStateException when StatsD is enabled and no host is configured (naming {@code STATSD_HOST})
     * @throws IllegalArgumentException when a setting is invalid (naming it)
     */
    public synchronized StatsdClient startStatsd() {
        if (client == null) {
            Objects.requireNonNull(context, "no ServletContext: construct with one or register as a listener");
            MixinSettings settings = MixinSettings.from(Settings.of(context::getInitParameter,
                    environment != null ? environment : ContextEnvironment.of(context)));
            client = settings.enabled
                    ? new StatsdClient(new StatsdConnector(settings.connector).start(), settings.prefix)
                    : StatsdClient.disabled();
            context.setAttribute(ATTRIBUTE, client);
        }
        return client;
    }

    /** Flushes what is queued (bounded by {@code statsd.close-timeout}) and disconnects; idempotent. */
    public synchronized void stopStatsd() {
        if (client != null) {
            context.removeAttribute(ATTRIBUTE);
            client.close();
            client = null;
        }
    }
}
