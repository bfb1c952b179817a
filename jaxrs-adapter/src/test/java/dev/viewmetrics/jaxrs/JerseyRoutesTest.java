package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.shop.ShopApplication;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.glassfish.jersey.servlet.ServletContainer;

/** The rules on Jersey (3.1 or 4.0, whichever the build put on the class path), found by Jersey's auto-discovery. */
class JerseyRoutesTest extends JaxrsRoutesContract {

    @Override
    WebApp withRuntime(WebApp app) {
        return app.servlet("jersey", ServletContainer.class, "/api/*",
                "jakarta.ws.rs.Application", ShopApplication.class.getName());
    }
}
