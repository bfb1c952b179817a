package dev.viewmetrics.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Called by the runtime for each resource method at deployment: learns the templates of the application's root
 * resources for {@link UnmatchedRoutes}. Registers nothing per method.
 */
final class RouteLearner implements DynamicFeature {

    private final UnmatchedRoutes unmatched;

    RouteLearner(UnmatchedRoutes unmatched) {
        this.unmatched = unmatched;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        try {
            if (resourceInfo.getResourceClass() != null && resourceInfo.getResourceMethod() != null) {
                unmatched.learn(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
            }
        } catch (RuntimeException | LinkageError ignored) {
            // fail-open: a template not learnt only leaves such requests to the filter's own naming
        }
    }
}
