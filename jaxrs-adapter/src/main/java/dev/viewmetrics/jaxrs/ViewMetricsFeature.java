package dev.viewmetrics.jaxrs;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Reports every request of a Jakarta REST application to the {@code ViewMetricsFilter} measuring it: the route
 * template of the resource method the runtime matched (sub-resource locators included, relative to the context
 * path), the handler, the exceptions exception mappers turned into responses, and that nothing matched. It only
 * reports; the filter (declared in {@code web.xml} or by the Spring adapter) measures. Jersey finds it on its own
 * (auto-discovery), RESTEasy through its provider service file; elsewhere register it:
 * {@code register(ViewMetricsFeature.class)}. Registering it more than once is harmless.
 */
public final class ViewMetricsFeature implements Feature {

    /** The configuration property marking an application already configured by this feature. */
    static final String CONFIGURED = "dev.viewmetrics.jaxrs.configured";

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
                || context.getConfiguration().getProperty(CONFIGURED) != null) {
            return false;
        }
        context.property(CONFIGURED, Boolean.TRUE);
        UnmatchedRoutes unmatched = new UnmatchedRoutes();
        context.register(new RouteReporter(new ResourceRoutes(), unmatched));
        context.register(new RouteLearner(unmatched));
        switch (Implementation.of(context)) {
            case JERSEY -> context.register(new JerseyExceptionListener());
            case RESTEASY -> context.register(new ResteasyExceptionReporter());
            default -> {
                // routes and "nothing matched" are portable; handled exceptions need the runtime's own hook
            }
        }
        return true;
    }

    /** The Jakarta REST implementation configuring the feature, told by the package of its configuration. */
    enum Implementation {
        JERSEY, RESTEASY, OTHER;

        static Implementation of(FeatureContext context) {
            String name = context.getClass().getName() + " " + context.getConfiguration().getClass().getName();
            if (name.contains("org.glassfish.jersey.")) {
                return JERSEY;
            }
            if (name.contains("org.jboss.resteasy.")) {
                return RESTEASY;
            }
            return OTHER;
        }
    }
}
