package dev.viewmetrics.spring;

import dev.viewmetrics.spring.bootsecurity.SecuredBootApplication;
import dev.viewmetrics.spring.secured.CountingLookup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected-request contract in a Spring Boot application on its embedded Tomcat, where a {@code sendError}
 * (HTTP Basic's 401, Spring MVC's 405) is rendered by Boot's {@code /error} controller in an error dispatch.
 */
class SecuredBootApplicationTest extends RejectedRequestsContract {

    SecuredBootApplicationTest() {
        super("");
    }

    @Override
    protected Started start(int statsdPort) {
        ConfigurableApplicationContext application = new SpringApplication(SecuredBootApplication.class).run(
                "--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off",
                "--viewmetrics.statsd.host=127.0.0.1", "--viewmetrics.statsd.port=" + statsdPort,
                "--viewmetrics.service=secure-boot");
        return new Started(URI.create("http://127.0.0.1:"
                + application.getEnvironment().getProperty("local.server.port")), application);
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
        HttpResponse<String> timedOut = client.request("GET", "/products/blue-widget").header("X-Queue", "full")
                .header("Accept", "application/json").send();
        assertThat(timedOut.statusCode()).isEqualTo(500);
        assertThat(timedOut.body()).contains("\"status\":500").contains("\"path\":\"/products/blue-widget\"");

        line("GET", "/products/{slug}", 500);
        assertThat(CountingLookup.INSTANCE.patternsLeftBehind()).as("the error dispatch ran first")
                .contains("/products/blue-widget -> /error");
        assertNoLeak("blue-widget");
    }
}
