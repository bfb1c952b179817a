package dev.viewmetrics.spring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    })
    void readmeExampleIsTheCodeTheTestsRun(String readmeFile, String example, String source) throws Exception {
        String readme = Files.readString(Path.of(readmeFile));
        Matcher block = Pattern.compile("<!-- readme-example: " + Pattern.quote(example)
                + " -->\\s*```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has example %s", example).isTrue();

        assertThat(normalized(Files.readString(Path.of(source)))).contains(normalized(block.group(1)));
    }

    private static String normalized(String code) {
        return code.replaceAll("(?s)<!--.*?-->", " ").replaceAll("//[^\\n]*", " ").replaceAll("\\s+", " ").trim();
    }
}
