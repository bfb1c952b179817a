package dev.viewmetrics.jaxrs.shop;

import dev.viewmetrics.jaxrs.ViewMetricsFeature;
import org.glassfish.jersey.server.ResourceConfig;

/** A Jersey application that registers the feature itself, as one with auto-discovery disabled must. */
public class ExplicitShopConfig extends ResourceConfig {

    public ExplicitShopConfig() {
        register(UserResource.class);
        // readme-example: jaxrs-register
        register(ViewMetricsFeature.class);
        // end readme-example
    }
}
