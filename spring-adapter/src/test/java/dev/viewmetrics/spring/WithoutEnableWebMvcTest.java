package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import dev.viewmetrics.spring.shop.MetricsConfig;
import dev.viewmetrics.spring.shop.PaymentController;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A DispatcherServlet on its default strategies (no {@code @EnableWebMvc}, no Boot): the adapter still reports
 * routes, handlers and handled exceptions, and leaves Spring's own exception handling working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutEnableWebMvcTest {

    @Configuration
    @Import({MetricsConfig.class, PaymentController.class})
    static class BareMvc {
    }

    private AnnotationConfigWebApplicationContext context;
    private MockMvc mvc;

    @BeforeAll
    void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        IsolatedEnvironment.apply(context.getEnvironment(), Map.of());
        context.register(BareMvc.class);
        context.refresh();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class)).build();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void controllerExceptionHandlersStillWorkAndTheirExceptionIsReported() throws Exception {
        MvcResult result = mvc.perform(get("/payments/p-77")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(402);
        ViewMetricsContext reported = ViewMetricsContext.of(result.getRequest());
        assertThat(reported.getRoute()).isEqualTo("/payments/{paymentId}");
        assertThat(reported.getHandler()).isEqualTo("PaymentController#payment");
        assertThat(reported.getException()).isInstanceOf(PaymentController.PaymentDeclinedException.class);
    }

    @Test
    void responseStatusExceptionIsReported() throws Exception {
        MvcResult result = mvc.perform(get("/limits/a-1")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(ViewMetricsContext.of(result.getRequest()).getException().getClass().getSimpleName())
                .isEqualTo("ResponseStatusException");
    }
}
