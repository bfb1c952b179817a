package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.shop.ExplicitShopConfig;
import dev.viewmetrics.jaxrs.testing.Agent;
import dev.viewmetrics.jaxrs.testing.Jetty;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code register(ViewMetricsFeature.class)} alone does what auto-discovery does, and both together report each
 * request once.
 */
class FeatureRegistrationTest {

    @ParameterizedTest(name = "auto-discovery disabled: {0}")
    @ValueSource(booleans = {true, false})
    void registeredFeatureReportsEveryRequestOnce(boolean autoDiscoveryDisabled) throws Exception {
        try (Agent agent = new Agent();
                Jetty server = Jetty.start("", WebApp.sendingTo(agent.port()).servlet("jersey",
                        ServletContainer.class, "/api/*", "jakarta.ws.rs.Application",
                        ExplicitShopConfig.class.getName(), "jersey.config.disableAutoDiscovery",
                        Boolean.toString(autoDiscoveryDisabled)))) {
            assertThat(server.get("/api/users/erin/albums/2").statusCode()).isEqualTo(200);
            assertThat(server.send("DELETE", "/api/users/erin").statusCode()).isEqualTo(405);

            assertThat(agent.request("/api/users/{id}/albums/{albumId}")).contains(",status:200,");
            assertThat(agent.request("/api/users/{id}")).contains(",method:DELETE,status:405,");
            assertThat(agent.linesBeforeEndMarker(server::sendEndMarker))
                    .filteredOn(line -> line.startsWith("view.duration:"))
                    .hasSize(2);
        }
    }
}
