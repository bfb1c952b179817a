package dev.viewmetrics.spring;

import dev.viewmetrics.spring.bootsecurity.SecuredBootApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected-request contract in a Spring Boot application on its embedded Tomcat, where a {@code sendError}
 * (HTTP Basic's 401, Spring MVC's 405) is rendered by Boot's {@code /error} controller in an error dispatch.
 */
class SecuredBootApplicationTest extends RejectedRequestsContract {

    private URI base;

    @Override
    protected AutoCloseable start(int statsdPort) {
        ConfigurableApplicationContext application = new SpringApplication(SecuredBootApplication.class).run(
                "--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off",
                "--viewmetrics.statsd.host=127.0.0.1", "--viewmetrics.statsd.port=" + statsdPort,
                "--viewmetrics.service=secure-boot");
        base = URI.create("http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
        return application;
    }

    @Override
    protected String contextPath() {
        return "";
    }

    @Override
    protected URI base() {
        return base;
    }

    @Test
    void errorPageDispatchKeepsTheTemplateOfTheRejectedRequest() throws Exception {
        HttpResponse<String> unauthorized = client.request("GET", "/accounts/blue-widget/settings")
                .header("Accept", "application/json").send();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.body()).as("Boot's /error controller rendered it")
                .contains("\"status\":401").contains("\"path\":\"/accounts/blue-widget/settings\"");
        HttpResponse<String> notAllowed = client.request("DELETE", "/accounts/blue-widget/settings")
                .basic("alice", "secret").header("Accept", "application/json").send();
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.body()).contains("\"status\":405");

        line("GET", "/accounts/{name}/settings", 401);
        line("DELETE", "/accounts/{name}/settings", 405);
        assertNoLeak("blue-widget");
    }

    @Test
    void errorPageRenderedBeforeAnAsyncRequestCompletesIsNotItsName() throws Exception {
        HttpResponse<String> full = client.request("GET", "/products/blue-widget").header("X-Queue", "full")
                .header("Accept", "application/json").send();
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.body()).contains("\"status\":503").contains("\"path\":\"/products/blue-widget\"");

        line("GET", "/products/{slug}", 503);
        assertThat(SecuredBootApplication.COUNTING.patternsLeftBehind()).as("the error dispatch ran first")
                .contains("/products/blue-widget -> /error");
        assertNoLeak("blue-widget");
    }

    @Test
    void requestMvcServedIsNeverLookedUp() throws Exception {
        client.get("/products/warm-up");
        line("GET", "/products/{slug}", 200);
        int before = SecuredBootApplication.COUNTING.asked();

        for (String product : new String[] {"blue-widget", "red-widget", "7"}) {
            assertThat(client.get("/products/" + product).statusCode()).isEqualTo(200);
        }
        assertThat(client.request("GET", "/accounts/alice/settings").basic("alice", "secret").send().statusCode())
                .isEqualTo(200);
        assertThat(agent.all(l -> l.startsWith("view.duration:") && l.contains("status:200"),
                Duration.ofMillis(200))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(SecuredBootApplication.COUNTING.asked()).as("served requests are not looked up").isEqualTo(before);

        assertThat(client.get("/accounts/bob/settings").statusCode()).isEqualTo(401);
        line("GET", "/accounts/{name}/settings", 401);
        assertThat(SecuredBootApplication.COUNTING.asked()).as("a rejected request is looked up once")
                .isEqualTo(before + 1);
    }
}
