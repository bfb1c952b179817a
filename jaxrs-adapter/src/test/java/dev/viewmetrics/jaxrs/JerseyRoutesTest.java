package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.shop.ShopApplication;
import dev.viewmetrics.jaxrs.testing.WebApp;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules on Jersey (3.1 or 4.0, whichever the build put on the class path), found by Jersey's auto-discovery. */
class JerseyRoutesTest extends JaxrsRoutesContract {

    @Override
    WebApp withRuntime(WebApp app) {
        return app.servlet("jersey", ServletContainer.class, "/api/*",
                "jakarta.ws.rs.Application", ShopApplication.class.getName());
    }

    @Test
    void exceptionGivenToAnAsyncResumeIsTaggedWithTheMappedStatus() throws Exception {
        assertThat(server().get("/app/api/async/locked/j5").statusCode()).isEqualTo(423);

        assertThat(agent().request("/app/api/async/locked/{jobId}"))
                .contains(",status:423,outcome:CLIENT_ERROR,exception:InvoiceLockedException");
    }

    @Test
    void completionStageFailureIsTaggedUnderTheExceptionInside() throws Exception {
        assertThat(server().get("/app/api/async/failing/j6").statusCode()).isEqualTo(423);

        assertThat(agent().request("/app/api/async/failing/{jobId}"))
                .contains(",status:423,outcome:CLIENT_ERROR,exception:InvoiceLockedException");
    }
}
