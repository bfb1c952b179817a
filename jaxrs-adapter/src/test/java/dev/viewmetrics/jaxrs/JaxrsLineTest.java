package dev.viewmetrics.jaxrs;

import dev.viewmetrics.jaxrs.testing.Jetty;
import org.glassfish.jersey.internal.Version;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs this suite once per supported Jakarta REST line (property {@code test.jaxrs-line}); this proves each
 * run really has that line's Jersey, RESTEasy, servlet container and Spring Boot, and that the adapter found the 4.0 API only there.
 */
class JaxrsLineTest {

    private static final Map<String, String> JERSEY = Map.of("3.1", "3.1.", "4.0", "4.0.");
    private static final Map<String, String> RESTEASY = Map.of("3.1", "6.2.", "4.0", "7.0.");
    private static final Map<String, String> JETTY = Map.of("3.1", "ee10", "4.0", "ee11");
    private static final Map<String, String> BOOT = Map.of("3.1", "3.5.", "4.0", "4.0.");

    @Test
    void suiteRunsOnTheJakartaRestLineTheBuildSelected() {
        String line = System.getProperty("test.jaxrs-line", "3.1");

        assertThat(Version.getVersion()).startsWith(JERSEY.get(line));
        assertThat(ResteasyProviderFactory.class.getPackage().getImplementationVersion())
                .startsWith(RESTEASY.get(line));
        assertThat(Jetty.ENVIRONMENT).isEqualTo(JETTY.get(line));
        assertThat(SpringBootVersion.getVersion()).startsWith(BOOT.get(line));
        assertThat(MatchedTemplate.available()).isEqualTo(line.equals("4.0"));
    }
}
