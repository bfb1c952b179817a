package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.testing.ReadmeExamples;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot quick start is what the tests run: its properties are the test applications'
 * {@code application.properties}, its customizer stands in a test application, and its dependency names this
 * module.
 */
class BootReadmeExamplesTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void quickStartPropertiesAreTheTestApplicationsProperties() throws Exception {
        assertThat(ReadmeExamples.block(README, "boot-properties"))
                .isEqualTo(Files.readString(Path.of("src/test/resources/application.properties")).strip());
    }

    @Test
    void quickStartDependencyIsThisModule() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String dependency = ReadmeExamples.block(README, "boot-dependency");

        assertThat(dependency).contains("<groupId>dev.viewmetrics</groupId>")
                .contains("<artifactId>viewmetrics-spring-boot-starter</artifactId>");
        assertThat(pom).contains("<artifactId>viewmetrics-spring-boot-starter</artifactId>");
        assertThat(dependency).contains("<version>" + System.getProperty("project.version")
                + "</version>");
    }

    @Test
    void customizerExampleIsTheCodeATestApplicationRuns() throws Exception {
        assertThat(ReadmeExamples.block(README, "boot-customizer")).isEqualTo(ReadmeExamples.region(
                Path.of("src/test/java/dev/viewmetrics/spring/boot/customized/CustomizedShopApplication.java"),
                "boot-customizer"));
    }
}
