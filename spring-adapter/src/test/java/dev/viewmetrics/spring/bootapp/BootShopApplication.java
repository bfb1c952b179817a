package dev.viewmetrics.spring.bootapp;

import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A minimal Spring Boot application: the annotation is all it adds for metrics. Its endpoints are public (Spring
 * Security is on the test classpath, and Boot would otherwise protect them all).
 */
@SpringBootApplication
@EnableViewMetrics
public class BootShopApplication {

    @Bean
    SecurityFilterChain everyonePermitted(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
    }
}
