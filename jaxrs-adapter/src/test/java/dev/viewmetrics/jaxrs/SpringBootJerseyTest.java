package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.boot.BootShopApplication;
import dev.viewmetrics.jaxrs.testing.Agent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside the Spring adapter: a Spring Boot application (embedded Tomcat, the Boot line of the Jakarta REST line under
 * test) serving Jersey resources at {@code /api} and Spring MVC controllers, the filter registered by
 * {@code @EnableViewMetrics}, the Jersey part found by auto-discovery. Each framework names its own requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootJerseyTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Agent agent;
    private ConfigurableApplicationContext application;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        agent = new Agent();
        application = new SpringApplication(BootShopApplication.class).run("--server.address=127.0.0.1",
                "--server.port=0", "--spring.main.banner-mode=off", "--spring.jersey.application-path=/api",
                "--viewmetrics.statsd.host=127.0.0.1", "--viewmetrics.statsd.port=" + agent.port(),
                "--viewmetrics.cpu-time=false");
        base = URI.create("http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        application.close();
        agent.close();
    }

    @BeforeEach
    void forgetEarlierLines() {
        agent.clear();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jerseyAndSpringMvcRequestsAreEachNamedByTheirTemplate() throws Exception {
        assertThat(send("GET", "/api/users/alice/albums/3").body()).isEqualTo("album 3 of alice");
        assertThat(send("GET", "/greetings/bob").body()).isEqualTo("hello bob");

        assertThat(agent.request("/api/users/{id}/albums/{albumId}"))
                .isEqualTo("route:/api/users/{id}/albums/{albumId},method:GET,status:200,outcome:SUCCESS,exception:none");
        assertThat(agent.request("/greetings/{name}")).contains(",status:200,");
        assertThat(agent.linesBeforeEndMarker(() -> send("GET", Agent.END_MARKER)))
                .filteredOn(line -> line.startsWith("view.duration:"))
                .as("one filter, one line per request").hasSize(2);
    }

    @Test
    void jerseysOwnNotFoundAndMethodNotAllowedInsideBoot() throws Exception {
        assertThat(send("GET", "/api/no/such/thing").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/users/carol").statusCode()).isEqualTo(405);

        assertThat(agent.request("NOT_FOUND")).contains(",status:404,");
        assertThat(agent.request("/api/users/{id}")).contains(",method:DELETE,status:405,");
    }
}
