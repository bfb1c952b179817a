package dev.viewmetrics.jaxrs.boot;

import dev.viewmetrics.jaxrs.shop.ShopMappers;
import dev.viewmetrics.jaxrs.shop.UserResource;
import dev.viewmetrics.spring.EnableViewMetrics;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Spring Boot serving Jersey (at {@code spring.jersey.application-path}) and Spring MVC side by side. */
@SpringBootApplication
public class BootShopApplication {

    // readme-example: jaxrs-boot
    @Configuration
    @EnableViewMetrics
    static class MetricsConfig {
    }

    @Bean
    ResourceConfig jersey() {
        return new ResourceConfig(UserResource.class, ShopMappers.NotFound.class);
    }
    // end readme-example

    /** A Spring MVC controller beside the Jersey resources. */
    @RestController
    static class GreetingController {
        @GetMapping("/greetings/{name}")
        String greet(@PathVariable("name") String name) {
            return "hello " + name;
        }

        /** The tests' end marker ({@code Agent.END_MARKER}). */
        @GetMapping("/endmarker")
        String endMarker() {
            return "end";
        }
    }
}
