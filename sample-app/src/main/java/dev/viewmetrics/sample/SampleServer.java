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
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import java.net.URI;
import java.net.URL;
import java.util.EnumSet;

/**
 * One Jetty serving the index ({@code /}) and stats page ({@code /stats}), the {@code web.xml} webapp
 * ({@code /plain}), the Spring MVC application ({@code /spring}) and the mixin servlets ({@code /mixin}), all
 * recording into {@link SampleMetrics}.
 */
final class SampleServer implements AutoCloseable {

    private static final EnumSet<DispatcherType> REQUEST_AND_ASYNC =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC);

    private final Server server;
    private final ServerConnector connector;

    private SampleServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static SampleServer start(SampleConfig config, SampleMetrics metrics) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("sample-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new ContextHandlerCollection(index(metrics), plain(metrics), spring(metrics),
                mixin(config, metrics), rest(metrics)));
        server.setStopTimeout(5_000);
        server.start();
        return new SampleServer(server, connector);
    }

    /** The base URI clients use, e.g. {@code http://127.0.0.1:8080/}. */
    URI base() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    void join() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully: contexts are destroyed, which flushes the mixins' connection. */
    @Override
    public void close() throws Exception {
        server.stop();
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

    /** {@code /plain}: a real webapp whose {@code WEB-INF/web.xml} declares the filter; it records into ours. */
    private static ContextHandler plain(SampleMetrics metrics) {
        URL webapp = SampleServer.class.getResource("/webapps/plain");
        if (webapp == null) {
            throw new IllegalStateException("webapps/plain is missing from the classpath");
        }
        WebAppContext context = new WebAppContext();
        context.setContextPath("/plain");
        context.setBaseResourceAsString(webapp.toExternalForm());
        context.setParentLoaderPriority(true);
        context.setAttribute(ViewMetrics.REGISTRY_ATTRIBUTE, metrics.registry());
        return context;
    }

    /** {@code /spring}: Spring MVC whose only metrics code is {@code @EnableViewMetrics} on {@link ShopConfig}. */
    private static ContextHandler spring(SampleMetrics metrics) {
        AnnotationConfigWebApplicationContext application = new AnnotationConfigWebApplicationContext();
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
    private static ContextHandler rest(SampleMetrics metrics) {
        ServletContextHandler context = new ServletContextHandler("/rest");
        FilterHolder filter = new FilterHolder(ViewMetrics.builder().registry(metrics.registry()).build().filter());
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
        ViewMetrics viewMetrics = ViewMetrics.builder().registry(metrics.registry()).routes("/widgets/{id}").build();
        FilterHolder filter = new FilterHolder(viewMetrics.filter());
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", REQUEST_AND_ASYNC);
        context.addServlet(new ServletHolder("widgets", new WidgetHandler()), "/widgets/*");
        return context;
    }
}
