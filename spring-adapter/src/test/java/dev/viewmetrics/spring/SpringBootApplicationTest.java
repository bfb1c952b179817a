package dev.viewmetrics.spring;

import dev.viewmetrics.spring.bootapp.AsyncDispatchCpu;
import dev.viewmetrics.spring.bootapp.BootShopApplication;
import dev.viewmetrics.spring.bootapp.InvoiceController;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import dev.viewmetrics.spring.testing.Lines;
import dev.viewmetrics.spring.testing.UdpAgent;
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
 * A minimal Spring Boot application (embedded Tomcat, the Boot line of the Spring line under test) whose only
 * metrics code is {@code @EnableViewMetrics}; configured by {@code viewmetrics.*} properties, it sends real UDP lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootApplicationTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private UdpAgent agent;
    private ConfigurableApplicationContext application;
    private URI base;

    @BeforeAll
    void start() throws Exception {
        agent = new UdpAgent();
        SpringApplication boot = new SpringApplication(BootShopApplication.class);
        boot.addInitializers(new IsolatedEnvironment());
        application = boot.run(
                "--server.address=127.0.0.1", "--server.port=0", "--spring.main.banner-mode=off",
                "--viewmetrics.statsd.host=127.0.0.1", "--viewmetrics.statsd.port=" + agent.port(),
                "--viewmetrics.service=billing", "--viewmetrics.environment=boot");
        base = URI.create("http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
    }

    /** Lines of earlier tests (the agent is shared) are forgotten: each test sees only what its requests sent. */
    @BeforeEach
    void forgetEarlierLines() throws Exception {
        agent.startAfterEndMarker(() -> get(UdpAgent.END_MARKER));
    }

    @AfterAll
    void stop() {
        application.close();
        agent.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void annotationAloneGivesEndpointsTheirTemplates() throws Exception {
        assertThat(get("/invoices/INV-2024-0042").body()).isEqualTo("invoice INV-2024-0042");

        assertThat(Lines.tags(agent.duration("/invoices/{invoiceId}"))).isEqualTo("route:/invoices/{invoiceId},"
                + "method:GET,status:200,outcome:SUCCESS,exception:none,service:billing,environment:boot");
        assertThat(agent.linesBeforeEndMarker(() -> get(UdpAgent.END_MARKER)))
                .filteredOn(line -> line.startsWith("view.duration:") && line.contains("#route:/invoices/{invoiceId},"))
                .as("one filter registration, one line").hasSize(1);
    }

    @Test
    void bootMapsTheFilterForAsyncDispatchesToo() throws Exception {
        get("/invoices/1/pdf"); // warm up class loading on the request threads
        agent.cpu("/invoices/{invoiceId}/pdf");
        agent.clear();

        assertThat(get("/invoices/2/pdf").body()).isEqualTo("pdf of 2");

        double wall = Lines.millis(agent.duration("/invoices/{invoiceId}/pdf"));
        double cpu = Lines.millis(agent.cpu("/invoices/{invoiceId}/pdf"));
        assertThat(wall).as("timed to completion").isGreaterThanOrEqualTo(InvoiceController.ASYNC_MILLIS);
        assertThat(cpu).as("the async dispatch's CPU is counted").isGreaterThanOrEqualTo(AsyncDispatchCpu.MILLIS - 5);
    }

    @Test
    void exceptionHandledByExceptionHandlerIsTagged() throws Exception {
        assertThat(get("/invoices/3/void").statusCode()).isEqualTo(423);

        assertThat(agent.duration("/invoices/{invoiceId}/void"))
                .contains(",status:423,outcome:CLIENT_ERROR,exception:InvoiceLockedException,");
    }

    @Test
    void unmatchedPathIsNotFoundNotTheCatchAllResourcePattern() throws Exception {
        assertThat(get("/no/such/page").statusCode()).isEqualTo(404);

        assertThat(agent.duration("NOT_FOUND")).contains(",status:404,outcome:CLIENT_ERROR,exception:none,");
    }
}
