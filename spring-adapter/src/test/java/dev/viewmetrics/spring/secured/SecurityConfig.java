package dev.viewmetrics.spring.secured;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * A real Spring Security set-up with three chains: bearer tokens on {@code /api/**} (a JWT decoder that accepts only
 * {@link #GOOD_TOKEN}), form login on {@code /shop/**}, and HTTP Basic for the rest, with CORS (only
 * {@link #ALLOWED_ORIGIN}), an admin-only audit log whose refusal an {@link AccessDeniedHandler} writes, and public
 * products. CSRF is off: the tests' clients are API clients. Error dispatches are let through, as Spring Boot
 * recommends, so that Boot's {@code /error} page renders.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    public static final String GOOD_TOKEN = "good-token";
    public static final String ALLOWED_ORIGIN = "https://shop.example";

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        JwtDecoder decoder = token -> {
            if (!GOOD_TOKEN.equals(token)) {
                throw new BadJwtException("not a token of ours");
            }
            return Jwt.withTokenValue(token).header("alg", "none").subject("service").build();
        };
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain shopChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/shop/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/shop/login")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/shop/login"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain accountChain(HttpSecurity http) throws Exception {
        AccessDeniedHandler forbidden = (request, response, denied) -> {
            response.setStatus(403);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"forbidden\"}");
        };
        UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
        allowed.setAllowedMethods(List.of("GET", "PUT"));
        cors.registerCorsConfiguration("/**", allowed);
        return http
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path("/products/**")).permitAll()
                        .requestMatchers(path("/accounts/*/audit")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(handling -> handling.accessDeniedHandler(forbidden))
                .cors(c -> c.configurationSource(cors))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}secret").roles("USER").build(),
                User.withUsername("root").password("{noop}secret").roles("USER", "ADMIN").build());
    }
}
