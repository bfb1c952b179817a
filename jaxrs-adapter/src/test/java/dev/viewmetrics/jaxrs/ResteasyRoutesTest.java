package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.shop.ShopApplication;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;

/** The rules on RESTEasy, registered through the provider service file RESTEasy reads. */
class ResteasyRoutesTest extends JaxrsRoutesContract {

    @Override
    WebApp withRuntime(WebApp app) {
        return app.servlet("resteasy", HttpServlet30Dispatcher.class, "/api/*",
                "jakarta.ws.rs.Application", ShopApplication.class.getName(),
                "resteasy.servlet.mapping.prefix", "/api");
    }
}
