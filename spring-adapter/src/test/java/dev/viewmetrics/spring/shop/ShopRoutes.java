package dev.viewmetrics.spring.shop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.web.servlet.function.RequestPredicates.path;
import static org.springframework.web.servlet.function.RouterFunctions.route;

/** Functional endpoints, one of them nested. */
@Configuration
public class ShopRoutes {

    @Bean
    public RouterFunction<ServerResponse> customerRoutes() {
        return route()
                .GET("/customers/{customerId}", request -> ServerResponse.ok().body("customer"))
                .nest(path("/teams/{teamId}"), teams -> teams
                        .GET("/members/{memberId}", request -> ServerResponse.ok().body("member")))
                .build();
    }
}
