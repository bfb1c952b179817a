package dev.viewmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Jersey's auto-discovery (listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}):
 * the jar on the class path is all a Jersey application needs. Only Jersey loads this class. Jersey skips it when
 * {@code jersey.config.disableAutoDiscovery} is set; {@code register(ViewMetricsFeature.class)} then does the same.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class JerseyDiscovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(ViewMetricsFeature.class)) {
            context.register(ViewMetricsFeature.class);
        }
    }
}
