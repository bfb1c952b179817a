package dev.viewmetrics.core.config;

import jakarta.servlet.ServletContext;

import java.util.Map;
import java.util.function.Function;

/**
 * Where the components a servlet container creates ({@code web.xml} filters, servlets and listeners) read
 * environment variables: the process environment, unless the web application put a {@code Map} of variables into
 * the servlet-context attribute {@value #ATTRIBUTE} before they start (an embedding server, or a test, that
 * wants them independent of the process environment).
 */
public final class ContextEnvironment {

    /** The servlet-context attribute holding a {@code Map<String, String>} that replaces the process environment. */
    public static final String ATTRIBUTE = "dev.viewmetrics.environment";

    private ContextEnvironment() {
    }

    /** The environment variables of {@code context}'s components: its {@value #ATTRIBUTE} map, else the process's. */
    public static Function<String, String> of(ServletContext context) {
        Object variables = context == null ? null : context.getAttribute(ATTRIBUTE);
        if (variables instanceof Map<?, ?> map) {
            return name -> {
                Object value = map.get(name);
                return value == null ? null : value.toString();
            };
        }
        return System::getenv;
    }
}
