package dev.viewmetrics.benchmarks;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A benchmark fixture used while filters are set up, never on the measured path: a root-context
 * {@link ServletContext} with attributes (how Dropwizard's filter finds its registry) and a {@link FilterConfig}
 * with the given init-parameters. The context is a dynamic proxy answering only {@code getContextPath},
 * {@code getAttribute}, {@code setAttribute}, {@code getInitParameter} and what JavaMelody's filter reads once at
 * init (server info, servlet version; no resources, no real path); anything else throws.
 */
final class BenchServletContext {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ServletContext context = (ServletContext) Proxy.newProxyInstance(
            BenchServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getContextPath":
                        return "";
                    case "getAttribute":
                        return attributes.get((String) args[0]);
                    case "setAttribute":
                        attributes.put((String) args[0], args[1]);
                        return null;
                    case "getInitParameter":
                        return null;
                    // what JavaMelody's filter reads once, at init
                    case "getServerInfo":
                        return "BenchServletContext/1.0";
                    case "getMajorVersion":
                        return 6;
                    case "getMinorVersion":
                        return 0;
                    case "getServletContextName":
                    case "getRealPath":
                    case "getResourcePaths":
                    case "getResource":
                    case "getResourceAsStream":
                        return null;
                    case "toString":
                        return "BenchServletContext";
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        throw new UnsupportedOperationException("ServletContext." + method.getName()
                                + " is not available to benchmarked filters");
                }
            });

    ServletContext context() {
        return context;
    }

    /** A filter config named {@code name}, without init-parameters, in this context. */
    FilterConfig filterConfig(String name) {
        return filterConfig(name, Map.of());
    }

    /** A filter config named {@code name} with these init-parameters, in this context. */
    FilterConfig filterConfig(String name, Map<String, String> parameters) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return name;
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String key) {
                return parameters.get(key);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }
}
