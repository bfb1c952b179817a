package dev.viewmetrics.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README examples for the tests that run them: a fenced block after {@code <!-- readme-example: NAME -->} in a
 * README, and the code between {@code // readme-example: NAME} and {@code // end readme-example} in a source,
 * both with their common indentation removed, so that a test can require them to be the same.
 */
public final class ReadmeExamples {

    private ReadmeExamples() {
    }

    /** The fenced block marked {@code name} in {@code readme}; fails the test when there is none. */
    public static String block(Path readme, String name) throws IOException {
        Matcher matcher = Pattern.compile("<!-- readme-example: " + Pattern.quote(name)
                + " -->\\s*```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL).matcher(Files.readString(readme));
        assertThat(matcher.find()).as("%s has example %s", readme, name).isTrue();
        return dedent(matcher.group(1));
    }

    /** The region marked {@code name} in the source file {@code source}; fails the test when there is none. */
    public static String region(Path source, String name) throws IOException {
        Matcher matcher = Pattern.compile("// readme-example: " + Pattern.quote(name)
                + "\\n(.*?)\\n\\s*// end readme-example", Pattern.DOTALL).matcher(Files.readString(source));
        assertThat(matcher.find()).as("%s has example %s", source, name).isTrue();
        return dedent(matcher.group(1));
    }

    private static String dedent(String block) {
        List<String> lines = new ArrayList<>(block.lines().toList());
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        lines.replaceAll(l -> l.isBlank() ? "" : l.substring(indent));
        return String.join("\n", lines);
    }
}
