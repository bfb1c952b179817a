package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

import java.util.List;
import java.util.Map;

/**
 * The beans of {@link EnableViewMetrics}: the configured {@link ViewMetrics}, its filter, the interceptor that
 * reports what Spring MVC matched, and the installer of the lookup that names requests Spring MVC never served
 * ({@link RouteLookupInstaller}). The interceptor is a {@link MappedInterceptor} bean because every Spring MVC
 * handler mapping picks those up, with or without {@code @EnableWebMvc}; where Spring MVC is configured by
 * {@code @EnableWebMvc} or Spring Boot, the {@link ExceptionReportingResolver} goes first among the exception
 * resolvers too.
 */
@Configuration(proxyBeanMethods = false)
class ViewMetricsConfiguration implements WebMvcConfigurer {

    /**
     * viewmetrics configured from {@code viewmetrics.*} properties, with environment variables ({@code STATSD_HOST},
     * {@code SERVICE}, …) read through the same {@link Environment}, then by the application's
     * {@link ViewMetricsCustomizer}s. It records into the application's {@code MeterRegistry} unless
     * {@code viewmetrics.statsd.host} asks for viewmetrics' own StatsD client.
     */
    @Bean(destroyMethod = "close")
    ViewMetrics viewMetrics(Environment environment, ObjectProvider<MeterRegistry> registries,
            ObjectProvider<ViewMetricsCustomizer> customizers) {
        Map<String, String> settings = SpringSettings.read(environment);
        ViewMetrics.Builder builder = ViewMetrics.builder()
                .environmentVariables(SpringSettings.environmentVariables(environment));
        settings.forEach(builder::set);
        if (!settings.containsKey(SpringSettings.STATSD_HOST)) {
            MeterRegistry registry = registries.getIfUnique();
            if (registry != null) {
                builder.registry(registry);
            }
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean(name = ViewMetricsSpring.FILTER_BEAN_NAME)
    ViewMetricsFilter viewMetricsFilter(ViewMetrics viewMetrics) {
        return viewMetrics.filter();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static MappedInterceptor viewMetricsInterceptor() {
        return new MappedInterceptor(null, new MvcReportingInterceptor());
    }

    /** Names requests answered before a handler ran (401, 403, 405, 429, ...) by the handler they were meant for. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RouteLookupInstaller viewMetricsRouteLookupInstaller() {
        return new RouteLookupInstaller();
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new ExceptionReportingResolver());
    }
}
