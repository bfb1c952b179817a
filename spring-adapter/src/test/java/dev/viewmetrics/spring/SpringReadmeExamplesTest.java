package dev.viewmetrics.spring;

import dev.viewmetrics.core.testing.ReadmeExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Spring example of the READMEs stands, word for word (comments and white space aside), in the test
 * sources that deploy and exercise it: the README cannot drift from code that runs.
 */
class SpringReadmeExamplesTest {

    @ParameterizedTest(name = "{1} of {0} runs in {2}")
    @CsvSource({
        "README.md, spring-annotation, src/test/java/dev/viewmetrics/spring/shop/MetricsConfig.java",
        "../README.md, spring-annotation, src/test/java/dev/viewmetrics/spring/shop/MetricsConfig.java",
        "README.md, spring-servlet-filters, src/test/java/dev/viewmetrics/spring/shop/ShopInitializer.java",
        "README.md, spring-initializer, src/test/java/dev/viewmetrics/spring/InitializerRegistrationTest.java",
        "README.md, spring-web-xml, src/test/resources/webapp/WEB-INF/web.xml",
        "README.md, spring-security-filter, src/test/java/dev/viewmetrics/spring/secured/SecuredShopInitializer.java",
    })
    void readmeExampleIsTheCodeTheTestsRun(String readmeFile, String example, String source) throws Exception {
        String block = ReadmeExamples.block(Path.of(readmeFile), example);

        assertThat(normalized(Files.readString(Path.of(source)))).contains(normalized(block));
    }

    private static String normalized(String code) {
        return code.replaceAll("(?s)<!--.*?-->", " ").replaceAll("//[^\\n]*", " ").replaceAll("\\s+", " ").trim();
    }
}
