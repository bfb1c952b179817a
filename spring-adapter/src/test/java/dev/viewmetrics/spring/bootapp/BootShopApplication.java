package dev.viewmetrics.spring.bootapp;

import dev.viewmetrics.spring.EnableViewMetrics;
import dev.viewmetrics.spring.testing.EndMarkerController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A minimal Spring Boot application: the annotation is all it adds for metrics (and the tests' end marker). Its
 * endpoints are public (Spring Security is on the test classpath, and Boot would otherwise protect them all).
 */
@SpringBootApplication
@Import(EndMarkerController.class)
@EnableViewMetrics
public class BootShopApplication {

    @Bean
    SecurityFilterChain everyonePermitted(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
    }
}
