package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.testing.ReadmeExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jakarta REST examples of the README stand, word for word (comments and white space aside), in the files the
 * tests deploy: the {@code web.xml} of {@link WebXmlWarTest}, the registration of {@link FeatureRegistrationTest},
 * the Boot application of {@link SpringBootJerseyTest}.
 */
class JaxrsReadmeExamplesTest {

    @ParameterizedTest(name = "{0} runs in {1}")
    @CsvSource({
        "jaxrs-web.xml, src/test/resources/jersey-webapp/WEB-INF/web.xml",
        "jaxrs-register, src/test/java/dev/viewmetrics/jaxrs/shop/ExplicitShopConfig.java",
        "jaxrs-boot, src/test/java/dev/viewmetrics/jaxrs/boot/BootShopApplication.java",
    })
    void readmeExampleIsWhatATestDeploys(String example, String source) throws Exception {
        String block = ReadmeExamples.block(Path.of("../README.md"), example);

        assertThat(withoutCommentsAndSpacing(Files.readString(Path.of(source))))
                .contains(withoutCommentsAndSpacing(block));
    }

    private static String withoutCommentsAndSpacing(String code) {
        return code.replaceAll("(?s)<!--.*?-->", " ").replaceAll("//[^\\n]*", " ").replaceAll("\\s+", " ").trim();
    }
}
