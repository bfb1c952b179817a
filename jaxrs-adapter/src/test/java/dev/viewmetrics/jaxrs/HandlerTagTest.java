package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.shop.ShopApplication;
import dev.viewmetrics.jaxrs.testing.Agent;
import dev.viewmetrics.jaxrs.testing.Jetty;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code handler-tag=true}, each request carries the resource class and method that served it
 * ({@code UserResource#user}, whose {@code #} the wire format sends as {@code _}).
 */
class HandlerTagTest {

    @Test
    void handlerTagNamesTheResourceMethodAlsoBehindLocators() throws Exception {
        try (Agent agent = new Agent();
                Jetty server = Jetty.start("", WebApp.sendingTo(agent.port()).filterParam("handler-tag", "true")
                        .servlet("jersey", ServletContainer.class, "/api/*", "jakarta.ws.rs.Application",
                                ShopApplication.class.getName()))) {
            assertThat(server.get("/api/users/frank").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/users/frank/albums/1/photos/2").statusCode()).isEqualTo(200);

            assertThat(agent.request("/api/users/{id}")).endsWith(",handler:UserResource_user");
            assertThat(agent.request("/api/users/{id}/albums/{albumId}/photos/{photoId}"))
                    .endsWith(",handler:PhotoResource_photo");
        }
    }
}
