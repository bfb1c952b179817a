package dev.viewmetrics.spring.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

/**
 * Keeps this machine's environment variables out of a Spring environment: its system-environment property source
 * (where {@code STATSD_HOST}, {@code SERVICE} or {@code VIEWMETRICS_*} would come from) is replaced by the test's
 * variables, none by default. As a context initializer it serves {@code web.xml}
 * ({@code globalInitializerClasses}) and Spring Boot ({@code SpringApplication.addInitializers}).
 */
public final class IsolatedEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final Map<String, Object> variables;

    /** No environment variables at all. */
    public IsolatedEnvironment() {
        this(Map.of());
    }

    /** Exactly these environment variables. */
    public IsolatedEnvironment(Map<String, ?> variables) {
        this.variables = Map.copyOf(variables);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        apply(context.getEnvironment(), variables);
    }

    /** Replaces the system-environment property source of {@code environment} by {@code variables}. */
    public static <E extends ConfigurableEnvironment> E apply(E environment, Map<String, ?> variables) {
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        SystemEnvironmentPropertySource isolated = new SystemEnvironmentPropertySource(name, Map.copyOf(variables));
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(name)) {
            sources.replace(name, isolated);
        } else {
            sources.addLast(isolated);
        }
        return environment;
    }
}
