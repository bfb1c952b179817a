package dev.viewmetrics.spring.boot.customized;

import dev.viewmetrics.spring.ViewMetricsCustomizer;
import dev.viewmetrics.spring.boot.shop.OrderController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shop configuring viewmetrics in code as well, with a {@link ViewMetricsCustomizer}. */
@SpringBootApplication
@Import(OrderController.class)
public class CustomizedShopApplication {

    // readme-example: boot-customizer
    @Bean
    ViewMetricsCustomizer internalPathsUnmeasured() {
        return builder -> builder.exclude("/orders/internal", "/orders/internal/**");
    }
    // end readme-example
}
