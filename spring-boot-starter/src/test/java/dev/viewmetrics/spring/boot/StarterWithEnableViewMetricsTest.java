package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.spring.boot.annotated.AnnotatedShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter and {@code @EnableViewMetrics} together: one of everything, and each request counted once. */
class StarterWithEnableViewMetricsTest {

    @Test
    void starterPlusAnnotationGivesOneFilterAndCountsEachRequestOnce() throws Exception {
        try (BootApp app = BootApp.start(AnnotatedShopApplication.class, Map.of(), "--viewmetrics.version=3.0")) {
            for (int i = 0; i < 3; i++) {
                assertThat(app.get("/orders/" + i).statusCode()).isEqualTo(200);
            }

            assertThat(app.context().getBeansOfType(ViewMetrics.class)).hasSize(1);
            assertThat(app.context().getBeansOfType(ViewMetricsFilter.class)).hasSize(1);
            assertThat(app.context().getBeansOfType(FilterRegistrationBean.class).values())
                    .filteredOn(registration -> registration.getFilter() instanceof ViewMetricsFilter).hasSize(1);
            assertThat(app.count("view.duration", "route:/orders/{orderId}", "service:shop", "version:3.0"))
                    .isEqualTo(3);
            assertThat(app.count("http.server.requests", "uri:/orders/{orderId}")).isEqualTo(3);
        }
    }
}
