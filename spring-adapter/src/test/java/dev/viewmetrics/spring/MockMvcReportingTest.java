package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import dev.viewmetrics.spring.shop.GateFilter;
import dev.viewmetrics.spring.shop.MetricsConfig;
import dev.viewmetrics.spring.shop.PaymentController;
import dev.viewmetrics.spring.shop.WebConfig;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The mapping logic with MockMvc: what the adapter reports into the {@link ViewMetricsContext} for each kind of
 * handler, and the meters the filter records into the application's own {@code MeterRegistry} bean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockMvcReportingTest {

    private AnnotationConfigWebApplicationContext context;
    private MeterRegistry registry;
    private MockMvc mvc;

    @Configuration
    static class ApplicationRegistry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeAll
    void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        IsolatedEnvironment.apply(context.getEnvironment(), Map.of());
        context.register(ApplicationRegistry.class, MetricsConfig.class, WebConfig.class);
        context.refresh();
        registry = context.getBean(MeterRegistry.class);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class), new GateFilter())
                .build();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private ViewMetricsContext perform(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        ViewMetricsContext reported = ViewMetricsContext.of(result.getRequest());
        assertThat(reported).as("measured %s", path).isNotNull();
        return reported;
    }

    private Timer duration(String route) {
        return registry.find("view.duration").tag("route", route).timer();
    }

    @Test
    void controllerMethodReportsItsMappingTemplateAndHandler() throws Exception {
        ViewMetricsContext reported = perform("/orders/o-1/items/i-2");

        assertThat(reported.getRoute()).isEqualTo("/orders/{orderId}/items/{itemId}");
        assertThat(reported.getHandler()).isEqualTo("OrderController#item");
        assertThat(reported.getException()).isNull();
    }

    @Test
    void metersGoToTheApplicationsMeterRegistry() throws Exception {
        perform("/orders/o-3");
        perform("/orders/o-4");

        Timer timer = duration("/orders/{orderId}");
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.getId().getTag("status")).isEqualTo("200");
        assertThat(registry.find("view.cpu").tag("route", "/orders/{orderId}").timer()).isNotNull();
    }

    @Test
    void functionalRouteReportsItsPatternAndNoLambdaName() throws Exception {
        ViewMetricsContext reported = perform("/teams/t-1/members/m-2");

        assertThat(reported.getRoute()).isEqualTo("/teams/{teamId}/members/{memberId}");
        assertThat(reported.getHandler()).isNull();
    }

    @Test
    void resourceHandlerReportsItsPattern() throws Exception {
        ViewMetricsContext reported = perform("/static/site.css");

        assertThat(reported.getRoute()).isEqualTo("/static/**");
        assertThat(reported.getHandler()).isEqualTo("ResourceHttpRequestHandler");
    }

    @Test
    void missingResourceWithdrawsThePatternAndIsNoFailure() throws Exception {
        ViewMetricsContext reported = perform("/static/nothing-here.js");

        assertThat(reported.getRoute()).isNull();
        assertThat(reported.isUnmatched()).isTrue();
        assertThat(reported.getException()).isNull();
        Timer notFound = duration("NOT_FOUND");
        assertThat(notFound.getId().getTag("status")).isEqualTo("404");
        assertThat(notFound.getId().getTag("exception")).isEqualTo("none");
    }

    @Test
    void forwardKeepsTheFirstRoute() throws Exception {
        ViewMetricsContext reported = perform("/orders/legacy/5");

        assertThat(reported.getRoute()).isEqualTo("/orders/legacy/{orderId}");
        assertThat(reported.getHandler()).isEqualTo("OrderController#legacy");
    }

    @Test
    void exceptionHandledByTheControllerIsReported() throws Exception {
        ViewMetricsContext reported = perform("/payments/p-9");

        assertThat(reported.getException()).isInstanceOf(PaymentController.PaymentDeclinedException.class);
        assertThat(duration("/payments/{paymentId}").getId().getTag("exception"))
                .isEqualTo("PaymentDeclinedException");
    }

    @Test
    void exceptionResolvedToAnErrorViewIsReported() throws Exception {
        ViewMetricsContext reported = perform("/receipts/r-1");

        assertThat(reported.getException()).isInstanceOf(PaymentController.ReceiptUnavailableException.class);
        assertThat(duration("/receipts/{receiptId}").getId().getTag("status")).isEqualTo("503");
    }

    @Test
    void requestAFilterRejectsOnAPathNoHandlerServesIsNotFound() throws Exception {
        ViewMetricsContext reported = perform("/admin/settings/17");

        assertThat(reported.getRoute()).isNull();
        assertThat(reported.isUnmatched()).as("the route lookup found no handler for it").isTrue();
        assertThat(reported.getHandler()).isNull();
        assertThat(duration("NOT_FOUND").getId().getTag("status")).isEqualTo("401");
    }
}
