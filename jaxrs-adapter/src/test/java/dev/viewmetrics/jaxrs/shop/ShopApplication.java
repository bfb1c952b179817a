package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The shop as a Jakarta REST application: its resources and providers, nothing of viewmetrics. */
public class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UserResource.class, OrderResource.class, InvoiceResource.class, AsyncResource.class,
                ShopMappers.InvoiceLocked.class, ShopMappers.NotFound.class, ShopMappers.Gate.class);
    }
}
