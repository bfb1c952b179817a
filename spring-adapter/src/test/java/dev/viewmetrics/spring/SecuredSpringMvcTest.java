package dev.viewmetrics.spring;

import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.spring.secured.AttributeWitness;
import dev.viewmetrics.spring.secured.CountingLookup;
import dev.viewmetrics.spring.secured.SecuredShopInitializer;
import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected-request contract in plain Spring MVC on a real Jetty: {@code ViewMetricsSpring.register} and Spring
 * Security's {@code DelegatingFilterProxy} from a {@code WebApplicationInitializer}, root and DispatcherServlet
 * contexts, context path {@code /secure}.
 */
class SecuredSpringMvcTest extends RejectedRequestsContract {

    SecuredSpringMvcTest() {
        super("/secure");
    }

    @Override
    protected Started start(int statsdPort) throws Exception {
        Map<String, Object> properties = Map.of(
                "viewmetrics.statsd.host", "127.0.0.1",
                "viewmetrics.statsd.port", statsdPort,
                "viewmetrics.service", "secure-shop");
        WebServer server = WebServer.start("/secure", (classes, servletContext) -> {
            RouteLookup.install(servletContext, CountingLookup.INSTANCE);
            new SecuredShopInitializer(properties).onStartup(servletContext);
        });
        return new Started(server.base(), server);
    }

    @Test
    void resourceHandlerRejectionIsNamedByItsPattern() throws Exception {
        assertThat(client.get(path("/static/site.css")).statusCode()).isEqualTo(401);
        assertThat(client.request("GET", path("/static/site.css")).basic("alice", "secret").send().body())
                .contains("color");

        line("GET", "/static/**", 401);
        line("GET", "/static/**", 200);
    }

    @Test
    void lookupLeavesTheRequestAsItWas() throws Exception {
        assertThat(client.get(path("/accounts/alice/settings?witness=basic")).statusCode()).isEqualTo(401);
        assertThat(client.request("POST", path("/accounts/alice/settings?witness=post")).basic("alice", "secret")
                .send().statusCode()).isEqualTo(405);
        line("GET", "/accounts/{name}/settings", 401);
        line("POST", "/accounts/{name}/settings", 405);

        for (String id : new String[] {"basic", "post"}) {
            assertThat(AttributeWitness.INSTANCE.afterChain(id)).as(id).isNotNull()
                    .isEqualTo(AttributeWitness.INSTANCE.atEnd(id));
        }
    }
}
