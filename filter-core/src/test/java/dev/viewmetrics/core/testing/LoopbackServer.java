package dev.viewmetrics.core.testing;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A Jetty on 127.0.0.1 and a free port serving one handler as it is given (a webapp, a context). */
public final class LoopbackServer implements AutoCloseable {

    private final Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    private LoopbackServer(Server server) {
        this.server = server;
    }

    /** Starts serving {@code handler}. */
    public static LoopbackServer start(Handler handler) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return new LoopbackServer(server);
    }

    /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
