package dev.viewmetrics.spring;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every endpoint of a Spring MVC application wall and CPU time metrics named by its route template. Put it on
 * any {@code @Configuration} class.
 *
 * <p>It declares the {@link dev.viewmetrics.core.ViewMetricsFilter} as the bean
 * {@value ViewMetricsSpring#FILTER_BEAN_NAME}, configured from the {@code viewmetrics.*} properties of the Spring
 * {@code Environment} (then environment variables), recording into the application's {@code MeterRegistry} bean when
 * there is one and no {@code viewmetrics.statsd.host} is set. Spring Boot registers the filter by itself, first in
 * the chain, for {@code REQUEST} and {@code ASYNC} dispatches. A plain Spring MVC application registers it once,
 * with {@link ViewMetricsSpring#filter()} or a {@code DelegatingFilterProxy} named {@code viewMetricsFilter} in
 * {@code web.xml}.
 *
 * <p>A request that no handler served (Spring Security answered 401, a rate limiter 429, Spring MVC a 405) is named
 * by the template of the handler it was meant for: the annotation installs a route lookup that asks the
 * DispatcherServlet's handler mappings once the response is complete.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@Import({ViewMetricsConfiguration.class, BootFilterRegistrar.class})
public @interface EnableViewMetrics {
}
