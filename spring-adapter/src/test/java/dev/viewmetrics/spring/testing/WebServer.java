package dev.viewmetrics.spring.testing;

import jakarta.servlet.ServletContainerInitializer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Jetty 12.1 on 127.0.0.1 and a free port, serving one web application: Jetty's {@code ee10} environment
 * (Servlet 6.0) when the tests run on Spring 6.2, {@code ee11} (Servlet 6.1) on Spring 7.0 — whichever the test
 * classpath holds.
 */
public final class WebServer implements AutoCloseable {

    private static final JettyEnvironment ENVIRONMENT = JettyEnvironment.onClasspath();

    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebServer(Server server) {
        this.server = server;
    }

    /** Starts a web application at {@code contextPath} set up in code by {@code app}, as a servlet container would. */
    public static WebServer start(String contextPath, ServletContainerInitializer app) throws Exception {
        return start(ENVIRONMENT.servletContext(contextPath, app));
    }

    /** Starts the web application in {@code webAppDir} (its {@code WEB-INF/web.xml}), with extra context-params. */
    public static WebServer startWebApp(String contextPath, Path webAppDir, Map<String, String> contextParams)
            throws Exception {
        return start(ENVIRONMENT.webApp(contextPath, webAppDir, contextParams));
    }

    /** The servlet API version of the container, e.g. {@code 6.1}. */
    public static String servletApiVersion() {
        return ENVIRONMENT.servletApiVersion();
    }

    private static WebServer start(Handler application) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("test-jetty");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(application);
        server.start();
        return new WebServer(server);
    }

    /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
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

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty", e);
        }
    }

    /** What differs between Jetty's servlet environments: the handler classes of one web application. */
    interface JettyEnvironment {

        Handler servletContext(String contextPath, ServletContainerInitializer app);

        Handler webApp(String contextPath, Path webAppDir, Map<String, String> contextParams);

        String servletApiVersion();

        static JettyEnvironment onClasspath() {
            try {
                Class.forName("org.eclipse.jetty.ee11.servlet.ServletContextHandler");
                return new Ee11Jetty();
            } catch (ClassNotFoundException notEe11) {
                return new Ee10Jetty();
            }
        }
    }
}
