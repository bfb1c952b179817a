package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.catalog.CatalogApplication;
import dev.viewmetrics.jaxrs.catalog.ItemResource;
import dev.viewmetrics.jaxrs.testing.Agent;
import dev.viewmetrics.jaxrs.testing.Jetty;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.init.JerseyServletContainerInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's base is where it is really served: its {@code @ApplicationPath} when Jersey's servlet container
 * initializer deploys it there, the servlet mapping when {@code web.xml} maps it elsewhere (the mapping wins, as in
 * Jakarta REST), also for a route chosen among two locators.
 */
class ApplicationPathTest {

    private Agent agent;

    @BeforeEach
    void startAgent() throws Exception {
        agent = new Agent();
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void applicationPathIsTheBaseWhereItDeploysTheApplication() throws Exception {
        try (Jetty server = Jetty.start("/shop", WebApp.sendingTo(agent.port(),
                new JerseyServletContainerInitializer(), CatalogApplication.class, ItemResource.class))) {
            assertThat(server.get("/shop/v2/items/hat").body()).isEqualTo("item hat");
            assertThat(server.get("/shop/v2/items/latest/reviews/3").body()).isEqualTo("review 3 of latest");

            assertThat(agent.request("/shop/v2/items/{itemId}")).contains(",status:200,");
            assertThat(agent.request("/shop/v2/items/latest/reviews/{reviewId}")).contains(",status:200,");
        }
    }

    @Test
    void aServletMappingOverridesTheApplicationPath() throws Exception {
        try (Jetty server = Jetty.start("/shop", WebApp.sendingTo(agent.port()).servlet("catalog",
                ServletContainer.class, "/legacy/*", "jakarta.ws.rs.Application", CatalogApplication.class.getName()))) {
            assertThat(server.get("/shop/legacy/items/hat").body()).isEqualTo("item hat");
            assertThat(server.get("/shop/legacy/items/hat/reviews/4").body()).isEqualTo("review 4 of hat");
            assertThat(server.get("/shop/legacy/items/latest/reviews/5").body()).isEqualTo("review 5 of latest");

            assertThat(agent.request("/shop/legacy/items/{itemId}")).contains(",status:200,");
            assertThat(agent.request("/shop/legacy/items/{itemId}/reviews/{reviewId}")).contains(",status:200,");
            assertThat(agent.request("/shop/legacy/items/latest/reviews/{reviewId}")).contains(",status:200,");
        }
    }
}
