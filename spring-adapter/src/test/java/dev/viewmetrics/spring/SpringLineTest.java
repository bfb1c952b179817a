package dev.viewmetrics.spring;

import dev.viewmetrics.spring.testing.WebServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs this suite once per supported Spring line (property {@code test.spring-line}); this proves each
 * run really has that line's Spring, Spring Boot, Spring Security and servlet container on its classpath.
 */
class SpringLineTest {

    private static final Map<String, String> BOOT_LINE = Map.of("6.2", "3.5.", "7.0", "4.0.");
    private static final Map<String, String> SECURITY_LINE = Map.of("6.2", "6.5.", "7.0", "7.0.");
    private static final Map<String, String> SERVLET_API = Map.of("6.2", "6.0", "7.0", "6.1");

    @Test
    void suiteRunsOnTheSpringLineTheBuildSelected() {
        String line = System.getProperty("test.spring-line", "6.2");

        assertThat(SpringVersion.getVersion()).startsWith(line + ".");
        assertThat(SpringBootVersion.getVersion()).startsWith(BOOT_LINE.get(line));
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith(SECURITY_LINE.get(line));
        assertThat(WebServer.servletApiVersion()).isEqualTo(SERVLET_API.get(line));
    }
}
