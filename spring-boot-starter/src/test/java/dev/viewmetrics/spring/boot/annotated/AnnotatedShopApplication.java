package dev.viewmetrics.spring.boot.annotated;

import dev.viewmetrics.spring.EnableViewMetrics;
import dev.viewmetrics.spring.boot.shop.OrderController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The shop with the starter on the classpath and {@code @EnableViewMetrics} on top. */
@SpringBootApplication
@EnableViewMetrics
@Import(OrderController.class)
public class AnnotatedShopApplication {
}
