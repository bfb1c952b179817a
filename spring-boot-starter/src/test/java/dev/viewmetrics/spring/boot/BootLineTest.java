package dev.viewmetrics.spring.boot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs this suite once per supported Boot line (property {@code test.boot-line}); this proves each run
 * really has that line's Spring Boot, Spring and Tomcat on its classpath.
 */
class BootLineTest {

    private static final Map<String, String> SPRING_LINE = Map.of("3.5", "6.2.", "4.0", "7.0.");
    private static final Map<String, String> TOMCAT_LINE = Map.of("3.5", "10.1.", "4.0", "11.");

    @Test
    void suiteRunsOnTheBootLineTheBuildSelected() {
        String line = System.getProperty("test.boot-line", "3.5");

        assertThat(SpringBootVersion.getVersion()).startsWith(line + ".");
        assertThat(SpringVersion.getVersion()).startsWith(SPRING_LINE.get(line));
        assertThat(org.apache.catalina.util.ServerInfo.getServerNumber()).startsWith(TOMCAT_LINE.get(line));
    }
}
