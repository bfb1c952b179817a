package dev.viewmetrics.jaxrs.catalog;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** An application with an {@code @ApplicationPath}, which a servlet mapping may override. */
@ApplicationPath("v2")
public class CatalogApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ItemResource.class);
    }
}
