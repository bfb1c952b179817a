package dev.viewmetrics.spring.secured;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** A public functional endpoint, {@code /products/{slug}}. */
@Configuration(proxyBeanMethods = false)
public class ProductRoutes {

    @Bean
    public RouterFunction<ServerResponse> productRoutes() {
        return route().GET("/products/{slug}", request -> ServerResponse.ok().body("product")).build();
    }
}
