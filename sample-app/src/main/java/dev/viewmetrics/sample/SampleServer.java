package dev.viewmetrics.sample;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.stats.StatsServlet;
import dev.viewmetrics.mixins.StatsdApplication;
import dev.viewmetrics.sample.mixin.WidgetHandler;
import dev.viewmetrics.sample.rest.JobResource;
import dev.viewmetrics.sample.rest.UserLockedMapper;
import dev.viewmetrics.sample.rest.UserResource;
import dev.viewmetrics.sample.spring.ShopConfig;
import dev.viewmetrics.spring.ViewMetricsSpring;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import java.net.URI;
import java.net.URL;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Jetty serving the index ({@code /}) and stats page ({@code /stats}), the {@code web.xml} webapp
 * ({@code /plain}), the Spring MVC application ({@code /spring}) and the mixin servlets ({@code /mixin}), all
 * recording into {@link SampleMetrics}.
 *
 * <p>{@code java -jar sample-app.jar} starts it through {@link SampleApp}. Code that wants the same applications in
 * its own JVM (the full-stack benchmark) starts it with {@link #start(Options)}: with a connector of its choosing,
 * for instance Jetty's {@code LocalConnector} (HTTP without sockets), and its own environment variables, read as
 * {@code java -jar} reads the process's; {@code VIEWMETRICS_ENABLED=false} turns every application's filter off:
 *
 * <pre>{@code
 * SampleServer server = SampleServer.start(SampleServer.options().connector(LocalConnector::new)
 *         .environment(Map.of("VIEWMETRICS_ENABLED", "false", "STATSD_HOST", "127.0.0.1")::get));
 * LocalConnector http = (LocalConnector) server.connector();
 * }</pre>
 */
public final class SampleServer implements AutoCloseable {

    private static final EnumSet<DispatcherType> REQUEST_AND_ASYNC =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC);

    private final Server server;
    private final Connector connector;
    /** Closed with the server when the server created it ({@link #start(Options)}), else {@code null}. */
    private final SampleMetrics ownMetrics;

    private SampleServer(Server server, Connector connector, SampleMetrics ownMetrics) {
        this.server = server;
        this.connector = connector;
        this.ownMetrics = ownMetrics;
    }

    /** Options with the defaults of {@code java -jar}: a socket on {@code HOST:PORT}, the process's environment. */
    public static Options options() {
        return new Options();
    }

    /**
     * Starts the sample's applications and metrics as {@code java -jar} does, with {@code options}' connector and
     * environment; {@link #close()} stops both.
     *
     * @throws IllegalArgumentException when an environment variable is invalid (the message names it)
     * @throws Exception                when Jetty cannot start
     */
    public static SampleServer start(Options options) throws Exception {
        SampleConfig config = SampleConfig.from(options.environment);
        SampleMetrics metrics = SampleMetrics.create(config, options.environment);
        try {
            return start(config, metrics, options.connector, metrics);
        } catch (Exception e) {
            metrics.close();
            throw e;
        }
    }

    static SampleServer start(SampleConfig config, SampleMetrics metrics) throws Exception {
        return start(config, metrics, null, null);
    }

    private static SampleServer start(SampleConfig config, SampleMetrics metrics,
            Function<Server, ? extends Connector> connectorFactory, SampleMetrics ownMetrics) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("sample-http");
        Server server = new Server(threads);
        Connector connector;
        if (connectorFactory == null) {
            ServerConnector socket = new ServerConnector(server);
            socket.setHost(config.host());
            socket.setPort(config.port());
            connector = socket;
        } else {
            connector = connectorFactory.apply(server);
        }
        server.addConnector(connector);
        server.setHandler(new ContextHandlerCollection(index(metrics), plain(config, metrics), spring(config, metrics),
                mixin(config, metrics), rest(config, metrics)));
        server.setStopTimeout(5_000);
        server.start();
        return new SampleServer(server, connector, ownMetrics);
    }

    /** The connector the applications are served on: a {@code ServerConnector}, or the one the options chose. */
    public Connector connector() {
        return connector;
    }

    /** The base URI clients use, e.g. {@code http://127.0.0.1:8080/}. */
    URI base() {
        ServerConnector socket = (ServerConnector) connector;
        String host = socket.getHost() == null || socket.getHost().equals("0.0.0.0") ? "127.0.0.1" : socket.getHost();
        return URI.create("http://" + host + ":" + socket.getLocalPort() + "/");
    }

    void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: contexts are destroyed, which flushes the mixins' connection; then the metrics, when this
     * server created them ({@link #start(Options)}), which flushes what is queued for StatsD.
     */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            if (ownMetrics != null) {
                ownMetrics.close();
            }
        }
    }

    /**
     * {@code /}: the index, and the stats page of the in-process registry at {@code /stats} (loopback only), started
     * with the server so that its rates and history count from start-up on.
     */
    private static ContextHandler index(SampleMetrics metrics) {
        ServletContextHandler root = new ServletContextHandler("/");
        root.addServlet(new ServletHolder("index", new IndexServlet()), "");
        ServletHolder stats = new ServletHolder("stats", new StatsServlet(metrics.local()));
        stats.setInitOrder(1);
        root.addServlet(stats, "/stats");
        return root;
    }

    /**
     * {@code /plain}: a real webapp whose {@code WEB-INF/web.xml} declares the filter; it records into ours, and is
     * given the sample's {@code enabled} as an init-parameter.
     */
    private static ContextHandler plain(SampleConfig config, SampleMetrics metrics) {
        URL webapp = SampleServer.class.getResource("/webapps/plain");
        if (webapp == null) {
            throw new IllegalStateException("webapps/plain is missing from the classpath");
        }
        WebAppContext context = new WebAppContext();
        context.setContextPath("/plain");
        context.setBaseResourceAsString(webapp.toExternalForm());
        context.setParentLoaderPriority(true);
        context.setAttribute(ViewMetrics.REGISTRY_ATTRIBUTE, metrics.registry());
        context.addServletContainerInitializer((classes, servletContext) -> servletContext
                .getFilterRegistration("viewmetrics").setInitParameter("enabled", Boolean.toString(config.enabled())));
        return context;
    }

    /** {@code /spring}: Spring MVC whose only metrics code is {@code @EnableViewMetrics} on {@link ShopConfig}. */
    private static ContextHandler spring(SampleConfig config, SampleMetrics metrics) {
        AnnotationConfigWebApplicationContext application = new AnnotationConfigWebApplicationContext();
        application.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sample",
                Map.of("viewmetrics.enabled", Boolean.toString(config.enabled()))));
        application.register(ShopConfig.class);
        application.addBeanFactoryPostProcessor(beans -> beans.registerSingleton("meterRegistry", metrics.registry()));
        ServletContextHandler context = new ServletContextHandler("/spring");
        context.addEventListener(new ContextLoaderListener(application));
        FilterHolder filter = new FilterHolder(ViewMetricsSpring.filter());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", REQUEST_AND_ASYNC);
        ServletHolder dispatcher = new ServletHolder("dispatcher", new DispatcherServlet(application));
        dispatcher.setAsyncSupported(true);
        dispatcher.setInitOrder(1);
        context.addServlet(dispatcher, "/");
        return context;
    }

    /**
     * {@code /rest}: Jersey at {@code /*} of its context, measured by the filter; the {@code viewmetrics-jaxrs} jar on
     * the class path is all the rest needs (Jersey's auto-discovery registers it).
     */
    private static ContextHandler rest(SampleConfig config, SampleMetrics metrics) {
        ServletContextHandler context = new ServletContextHandler("/rest");
        FilterHolder filter = new FilterHolder(ViewMetrics.builder().registry(metrics.registry())
                .enabled(config.enabled()).build().filter());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", REQUEST_AND_ASYNC);
        ResourceConfig application = new ResourceConfig(UserResource.class, UserLockedMapper.class, JobResource.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(application));
        jersey.setAsyncSupported(true);
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/*");
        return context;
    }

    /** {@code /mixin}: sprockets-style servlets (their own StatsD lines) with the filter as well. */
    private static ContextHandler mixin(SampleConfig config, SampleMetrics metrics) {
        ServletContextHandler context = new ServletContextHandler("/mixin");
        context.setInitParameter("service", config.service());
        context.setInitParameter("environment", config.environment());
        context.setInitParameter("statsd.enabled", Boolean.toString(config.hasAgent()));
        if (config.hasAgent()) {
            context.setInitParameter("statsd.host", config.statsdHost());
            context.setInitParameter("statsd.port", Integer.toString(config.statsdPort()));
            context.setInitParameter("statsd.protocol", config.statsdProtocol());
        }
        context.addEventListener(new StatsdApplication());
        ViewMetrics viewMetrics = ViewMetrics.builder().registry(metrics.registry()).routes("/widgets/{id}")
                .enabled(config.enabled()).build();
        FilterHolder filter = new FilterHolder(viewMetrics.filter());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", REQUEST_AND_ASYNC);
        context.addServlet(new ServletHolder("widgets", new WidgetHandler()), "/widgets/*");
        return context;
    }

    /** How {@link #start(Options)} starts the sample: its connector and the environment variables it reads. */
    public static final class Options {

        private Function<Server, ? extends Connector> connector;
        private Function<String, String> environment = System::getenv;

        private Options() {
        }

        /**
         * Serves on the connector {@code factory} creates for the server (e.g. {@code LocalConnector::new}) instead
         * of a socket on {@code HOST:PORT}.
         */
        public Options connector(Function<Server, ? extends Connector> factory) {
            this.connector = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Reads the sample's environment variables ({@code STATSD_HOST}, {@code VIEWMETRICS_ENABLED}, … as
         * {@code java -jar} does) from {@code variables} instead of the process environment.
         */
        public Options environment(Function<String, String> variables) {
            this.environment = Objects.requireNonNull(variables, "variables");
            return this;
        }
    }
}
