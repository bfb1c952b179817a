package dev.viewmetrics.core.testing;

import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.core.config.ContextEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A real Jetty 12 (ee10, Servlet 6) on 127.0.0.1 and a free port, with the filter deployed exactly as a
 * {@code web.xml} would: a {@link ViewMetricsFilter} with init-params on {@code /*} for REQUEST and ASYNC. What its
 * components read as environment variables is what the test gives ({@link Builder#environment}), none by default:
 * the process environment of the machine running the tests never leaks in. Besides the test's servlets it answers
 * {@value #END_MARKER} with 200, the end marker of {@link #linesBeforeEndMarker} (so a test that uses it declares
 * no template matching that path).
 */
public final class TestServer implements AutoCloseable {

    /** A path every test server answers with 200: requested last, its lines come after those of earlier requests. */
    public static final String END_MARKER = UdpReceiver.END_MARKER;

    private final Server server;
    private final ServletContextHandler context;
    private final String contextPath;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Server server, ServletContextHandler context, String contextPath) {
        this.server = server;
        this.context = context;
        this.contextPath = contextPath;
    }

    /** A builder of a server with one web application at {@code contextPath} ({@code ""} for root). */
    public static Builder builder(String contextPath) {
        return new Builder(contextPath);
    }

    /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    /** The base URI on IPv6 loopback, e.g. {@code http://[::1]:41235}, of a server built {@link Builder#ipv6()}. */
    public URI baseIpv6() {
        if (server.getConnectors().length < 2) {
            throw new IllegalStateException("this server does not listen on ::1: build it with ipv6()");
        }
        return URI.create("http://[::1]:" + ((ServerConnector) server.getConnectors()[1]).getLocalPort());
    }

    /** The deployed servlet context handler. */
    public ServletContextHandler context() {
        return context;
    }

    /** Sends {@code method path} and returns the response. */
    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    /** {@code GET uri}, e.g. {@code baseIpv6().resolve(path)}. */
    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Requests {@value #END_MARKER} and returns what {@code agent} received before it: see {@link UdpReceiver#linesBeforeEndMarker}. */
    public List<String> linesBeforeEndMarker(UdpReceiver agent) throws Exception {
        return agent.linesBeforeEndMarker(() -> {
            if (get(contextPath + END_MARKER).statusCode() != 200) {
                throw new AssertionError("the end marker " + END_MARKER + " was not answered with 200");
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Builds a {@link TestServer}. */
    public static final class Builder {
        private final String contextPath;
        private final Map<String, String> initParams = new LinkedHashMap<>();
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private Filter filter;
        private Executor executor;
        private EnumSet<DispatcherType> dispatchers = EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC);
        private final Map<Integer, String> errorPages = new LinkedHashMap<>();
        private final Map<String, String> contextParams = new LinkedHashMap<>();
        private final Map<String, Object> contextAttributes = new LinkedHashMap<>();
        private final List<EventListener> listeners = new ArrayList<>();
        private Map<String, String> environment = Map.of();
        private boolean withFilter = true;
        private boolean relaxedHttp;
        private boolean ipv6;

        private Builder(String contextPath) {
            this.contextPath = contextPath;
        }

        /** An init-param of the web.xml-style filter. */
        public Builder initParam(String name, String value) {
            initParams.put(name, value);
            return this;
        }

        /** Deploys this filter instance instead of a web.xml-style one. */
        public Builder filter(Filter filter) {
            this.filter = filter;
            return this;
        }

        /** A context init-param, as {@code <context-param>} would declare it. */
        public Builder contextParam(String name, String value) {
            contextParams.put(name, value);
            return this;
        }

        /** A servlet context attribute, set before the application starts. */
        public Builder contextAttribute(String name, Object value) {
            contextAttributes.put(name, value);
            return this;
        }

        /** A listener, as {@code <listener>} would declare it. */
        public Builder listener(EventListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * The environment variables the application's components read ({@link ContextEnvironment}); none unless
         * given.
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /**
         * Accepts what a lenient or old container would pass to the application instead of answering 400 or 431
         * itself: any URI (encoded control characters, ambiguous segments), legacy HTTP, 64 KiB of headers.
         */
        public Builder relaxedHttp() {
            this.relaxedHttp = true;
            return this;
        }

        /** Listens on IPv6 loopback ({@code ::1}) too, besides 127.0.0.1: see {@link TestServer#baseIpv6()}. */
        public Builder ipv6() {
            this.ipv6 = true;
            return this;
        }

        /** Deploys no viewmetrics filter at all. */
        public Builder withoutFilter() {
            withFilter = false;
            return this;
        }

        /** Maps {@code servlet} to {@code pattern}. */
        public Builder servlet(String pattern, HttpServlet servlet) {
            servlets.put(pattern, servlet);
            return this;
        }

        /** Maps the filter for these dispatcher types (REQUEST and ASYNC by default). */
        public Builder dispatchers(DispatcherType first, DispatcherType... rest) {
            this.dispatchers = EnumSet.of(first, rest);
            return this;
        }

        /** Declares an error page, as {@code <error-page>} would. */
        public Builder errorPage(int status, String location) {
            errorPages.put(status, location);
            return this;
        }

        /** Runs requests on this executor (e.g. virtual threads). */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Starts the server. */
        public TestServer start() throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool(32, 4);
            threads.setName("test-jetty");
            if (executor != null) {
                threads.setVirtualThreadsExecutor(executor);
            }
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            if (relaxedHttp) {
                http.setUriCompliance(UriCompliance.UNSAFE);
                http.setHttpCompliance(HttpCompliance.LEGACY);
                http.setRequestHeaderSize(64 * 1024);
            }
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            if (ipv6) {
                ServerConnector loopback6 = new ServerConnector(server, new HttpConnectionFactory(http));
                loopback6.setHost("::1");
                loopback6.setPort(0);
                server.addConnector(loopback6);
            }
            ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath);
            contextParams.forEach(context::setInitParameter);
            context.setAttribute(ContextEnvironment.ATTRIBUTE, environment);
            contextAttributes.forEach(context::setAttribute);
            if (relaxedHttp) {
                context.getServletHandler().setDecodeAmbiguousURIs(true);
            }
            listeners.forEach(context::addEventListener);
            if (withFilter) {
                FilterHolder holder = filter != null ? new FilterHolder(filter)
                        : new FilterHolder(ViewMetricsFilter.class);
                holder.setName("viewmetrics");
                holder.setAsyncSupported(true);
                initParams.forEach(holder::setInitParameter);
                context.addFilter(holder, "/*", dispatchers);
            }
            if (!errorPages.isEmpty()) {
                org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler errors =
                        new org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler();
                errorPages.forEach(errors::addErrorPage);
                context.setErrorHandler(errors);
            }
            servlets.forEach((pattern, servlet) -> {
                ServletHolder servletHolder = new ServletHolder(servlet);
                servletHolder.setAsyncSupported(true);
                context.addServlet(servletHolder, pattern);
            });
            context.addServlet(new ServletHolder(Servlets.status(200)), END_MARKER);
            server.setHandler(context);
            server.start();
            return new TestServer(server, context, contextPath);
        }
    }
}
