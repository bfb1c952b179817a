package dev.viewmetrics.spring.boot.own;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.spring.boot.shop.OrderController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shop declaring its own {@link ViewMetrics}: the starter's beans back off. */
@SpringBootApplication
@Import(OrderController.class)
public class OwnViewMetricsApplication {

    @Bean(destroyMethod = "close")
    ViewMetrics ownViewMetrics() {
        return ViewMetrics.builder().service("own").environmentVariables(key -> null).build();
    }
}
