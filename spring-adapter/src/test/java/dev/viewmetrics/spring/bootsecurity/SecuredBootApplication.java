package dev.viewmetrics.spring.bootsecurity;

import dev.viewmetrics.spring.testing.EndMarkerController;
import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.spring.EnableViewMetrics;
import dev.viewmetrics.spring.secured.AccountController;
import dev.viewmetrics.spring.secured.CountingLookup;
import dev.viewmetrics.spring.secured.OrderApiController;
import dev.viewmetrics.spring.secured.ProductRoutes;
import dev.viewmetrics.spring.secured.SecurityConfig;
import dev.viewmetrics.spring.secured.ThrottleFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The secured shop as a Spring Boot application on Tomcat: Spring Security's chains, the {@link ThrottleFilter} as a
 * plain filter bean, and {@code @EnableViewMetrics}. The {@link CountingLookup} is installed ahead of viewmetrics' own.
 */
@SpringBootApplication
@EnableViewMetrics
@Import({SecurityConfig.class, AccountController.class, OrderApiController.class, ProductRoutes.class,
        EndMarkerController.class})
public class SecuredBootApplication {

    @Bean
    ThrottleFilter throttleFilter() {
        return new ThrottleFilter();
    }

    @Bean
    ServletContextInitializer countingLookup() {
        return servletContext -> RouteLookup.install(servletContext, CountingLookup.INSTANCE);
    }
}
