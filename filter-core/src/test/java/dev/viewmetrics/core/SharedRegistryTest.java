package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A web.xml filter records into the registry the application shares through the servlet context. */
class SharedRegistryTest {

    @Test
    void webXmlFilterUsesTheContextsRegistryAndPublishesItsMetrics() throws Exception {
        SimpleMeterRegistry shared = new SimpleMeterRegistry();
        try (TestServer server = TestServer.builder("/plain").initParam("routes", "/users/{id}")
                .contextAttribute(ViewMetrics.REGISTRY_ATTRIBUTE, shared)
                .servlet("/*", Servlets.status(200)).start()) {
            server.get("/plain/users/1");

            Object published = server.context().getServletContext().getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE);
            assertThat(published).isInstanceOf(ViewMetrics.class);
            assertThat(((ViewMetrics) published).registry()).isSameAs(shared);
        }
        assertThat(shared.get("view.duration").tag("route", "/plain/users/{id}").timer().count()).isEqualTo(1);
    }
}
