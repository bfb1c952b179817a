package dev.viewmetrics.jaxrs.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.servlet.ServletContainerInitializer;
import dev.viewmetrics.core.testing.LoopbackServer;
import org.eclipse.jetty.server.Handler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Jetty 12.1 on 127.0.0.1 and a free port ({@link LoopbackServer}) serving one web application, in the
 * servlet environment of the Jakarta REST line under test: {@code ee11} (Servlet 6.1) where the test class path holds
 * it, else {@code ee10} (Servlet 6.0). The environment's two handler classes are the only thing that differs, so they
 * are created by name.
 */
public final class Jetty implements AutoCloseable {

    /** {@code ee11} or {@code ee10}. */
    public static final String ENVIRONMENT = present("org.eclipse.jetty.ee11.servlet.ServletContextHandler")
            ? "ee11" : "ee10";

    private final LoopbackServer server;
    private final String contextPath;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Jetty(LoopbackServer server, String contextPath) {
        this.server = server;
        this.contextPath = contextPath;
    }

    /** Serves a web application at {@code contextPath} that {@code app} sets up, as a container would call it. */
    public static Jetty start(String contextPath, ServletContainerInitializer app) throws Exception {
        Object context = handler("servlet.ServletContextHandler", new Class<?>[] {String.class}, contextPath);
        context.getClass().getMethod("addServletContainerInitializer", ServletContainerInitializer.class,
                Class[].class).invoke(context, app, new Class<?>[0]);
        return start((Handler) context, contextPath);
    }

    /**
     * Serves the web application in {@code webAppDir} (its {@code WEB-INF/web.xml}) at {@code contextPath}, with
     * {@code attributes} set on its servlet context before it starts.
     */
    public static Jetty startWebApp(String contextPath, Path webAppDir, Map<String, Object> attributes)
            throws Exception {
        Object webApp = handler("webapp.WebAppContext", new Class<?>[] {String.class, String.class},
                webAppDir.toString(), contextPath);
        webApp.getClass().getMethod("setParentLoaderPriority", boolean.class).invoke(webApp, true);
        webApp.getClass().getMethod("setThrowUnavailableOnStartupException", boolean.class).invoke(webApp, true);
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            webApp.getClass().getMethod("setAttribute", String.class, Object.class).invoke(webApp,
                    attribute.getKey(), attribute.getValue());
        }
        return start((Handler) webApp, contextPath);
    }

    private static Object handler(String type, Class<?>[] parameters, Object... arguments) throws Exception {
        return Class.forName("org.eclipse.jetty." + ENVIRONMENT + "." + type).getConstructor(parameters)
                .newInstance(arguments);
    }

    /** Starts {@code application}, which also serves the tests' end marker ({@link Agent#END_MARKER}). */
    private static Jetty start(Handler application, String contextPath) throws Exception {
        application.getClass().getMethod("addServlet", Class.class, String.class).invoke(application,
                EndMarkerServlet.class, Agent.END_MARKER);
        return new Jetty(LoopbackServer.start(application), contextPath);
    }

    /** Requests the end marker (see {@link Agent#linesBeforeEndMarker}). */
    public void sendEndMarker() throws IOException, InterruptedException {
        int status = get(contextPath + Agent.END_MARKER).statusCode();
        if (status != 200) {
            throw new AssertionError("the end marker answered " + status);
        }
    }

    /** Answers the end marker. */
    public static final class EndMarkerServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(200);
        }
    }

    /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return server.base();
    }

    /** Sends {@code method path}, with {@code headers} (name, value, ...), and returns the response. */
    public HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Jetty.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
