package dev.viewmetrics.spring.secured;

import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The root context of the secured plain Spring MVC shop: viewmetrics and Spring Security. */
@Configuration(proxyBeanMethods = false)
@EnableViewMetrics
@Import(SecurityConfig.class)
public class SecuredRootConfig {
}
