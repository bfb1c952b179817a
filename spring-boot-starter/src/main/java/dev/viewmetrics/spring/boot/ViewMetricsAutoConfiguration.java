package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot auto-configuration of viewmetrics in a servlet web application: what {@link EnableViewMetrics}
 * declares (the {@link ViewMetrics}, its filter registered first in the chain for {@code REQUEST} and {@code ASYNC}
 * dispatches, the reporting of Spring MVC's routes and handled exceptions), configured by
 * {@link ViewMetricsProperties}. It runs after Boot's metrics auto-configuration, so that viewmetrics records into
 * Boot's {@code MeterRegistry} (what the actuator shows and Boot exports) unless {@code viewmetrics.statsd.host} is
 * set. {@code viewmetrics.enabled=false} turns it off; an application that declares its own {@code ViewMetrics} or
 * {@code ViewMetricsFilter} bean, or uses {@code @EnableViewMetrics} itself, keeps those and gets no second one.
 */
@AutoConfiguration(afterName = {
        // Spring Boot 3.5
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        // Spring Boot 4.0
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "viewmetrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ViewMetricsProperties.class)
public class ViewMetricsAutoConfiguration {

    /** For Spring. */
    public ViewMetricsAutoConfiguration() {
    }

    /** Hands the bound {@code viewmetrics.*} properties to the builder of the application's {@link ViewMetrics}. */
    @Bean
    @ConditionalOnMissingBean
    PropertiesCustomizer viewMetricsPropertiesCustomizer(ViewMetricsProperties properties) {
        return new PropertiesCustomizer(properties);
    }

    /** The beans of {@link EnableViewMetrics}, unless the application declared them (or its own) already. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean({ViewMetrics.class, ViewMetricsFilter.class})
    @EnableViewMetrics
    static class ViewMetricsBeans {
    }
}
