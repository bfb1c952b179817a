package dev.viewmetrics.spring.secured;

import dev.viewmetrics.spring.ViewMetricsSpring;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.support.AbstractAnnotationConfigDispatcherServletInitializer;

import java.util.EnumSet;
import java.util.Map;

/**
 * The secured shop as a plain Spring MVC application: {@link ViewMetricsSpring#register} first, the
 * {@link AttributeWitness}, the {@link ThrottleFilter}, then Spring Security's {@code springSecurityFilterChain} through a
 * {@code DelegatingFilterProxy} (for requests, error pages and async dispatches, as Spring Security registers it).
 */
public class SecuredShopInitializer extends AbstractAnnotationConfigDispatcherServletInitializer {

    private final Map<String, Object> properties;
    private final MeterRegistry registry;

    /** The shop configured by {@code properties} (the highest-precedence property source of the root context). */
    public SecuredShopInitializer(Map<String, Object> properties) {
        this(properties, null);
    }

    /** The same with {@code registry} as the root context's {@code MeterRegistry} bean, if not {@code null}. */
    public SecuredShopInitializer(Map<String, Object> properties, MeterRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void onStartup(ServletContext servletContext) throws ServletException {
        ViewMetricsSpring.register(servletContext);
        servletContext.addFilter("witness", AttributeWitness.INSTANCE)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        servletContext.addListener(AttributeWitness.INSTANCE);
        servletContext.addFilter("throttle", new ThrottleFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        FilterRegistration.Dynamic security = servletContext.addFilter("springSecurityFilterChain",
                new DelegatingFilterProxy("springSecurityFilterChain"));
        security.setAsyncSupported(true);
        security.addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC), false, "/*");
        super.onStartup(servletContext);
    }

    @Override
    protected Class<?>[] getRootConfigClasses() {
        return new Class<?>[] {SecuredRootConfig.class};
    }

    @Override
    protected Class<?>[] getServletConfigClasses() {
        return new Class<?>[] {SecuredWebConfig.class};
    }

    @Override
    protected String[] getServletMappings() {
        return new String[] {"/"};
    }

    @Override
    protected ApplicationContextInitializer<?>[] getRootApplicationContextInitializers() {
        return new ApplicationContextInitializer<?>[] {context -> {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            if (registry != null) {
                context.addBeanFactoryPostProcessor(beans -> beans.registerSingleton("meterRegistry", registry));
            }
        }};
    }
}
