package dev.viewmetrics.spring.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP requests with headers, credentials and bodies, to a server under test; redirects are not followed. */
public final class Client {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Client(URI base) {
        this.base = base;
    }

    /** A request of {@code method} to {@code path} (with the context path). */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** {@code GET path}, no headers. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return request("GET", path).send();
    }

    /** One request being built. */
    public final class Request {

        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        /** HTTP Basic credentials. */
        public Request basic(String user, String password) {
            String pair = user + ":" + password;
            return header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request body(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public HttpResponse<String> send() throws IOException, InterruptedException {
            return http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
