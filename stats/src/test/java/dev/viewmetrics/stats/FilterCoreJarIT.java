package dev.viewmetrics.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After packaging: filter-core's jar, what a web application carries to be measured, holds the filter and nothing of
 * the viewers: no {@code dev/viewmetrics/stats} entry and no class of this module under any name of a package.
 */
class FilterCoreJarIT {

    @Test
    void filterCoresJarHoldsNothingOfTheStatsPageReportsOrCommandLine() throws IOException {
        Set<String> entries = new TreeSet<>();
        try (JarFile jar = new JarFile(filterCoreJar().toFile())) {
            jar.stream().forEach(entry -> entries.add(entry.getName()));
        }
        assertThat(entries).as("the filter is there").contains("dev/viewmetrics/core/ViewMetricsFilter.class");

        assertThat(entries).filteredOn(name -> name.startsWith("dev/viewmetrics/stats")).isEmpty();
        Set<String> statsClasses = simpleClassNames(Path.of("target", "classes"));
        assertThat(statsClasses).as("this module's classes").contains("StatsServlet", "HtmlPage", "JsonFileReporter",
                "MmapPublisher", "StatsCli", "SlurpStats", "History", "Sparkline");
        Set<String> filterClasses = new TreeSet<>();
        for (String entry : entries) {
            if (entry.endsWith(".class")) {
                filterClasses.add(simpleName(entry));
            }
        }
        statsClasses.remove("package-info");
        assertThat(filterClasses).doesNotContainAnyElementsOf(statsClasses);
        assertThat(entries).as("the command-line wrappers").noneMatch(name -> name.matches(".*(slurp|poll|clean)stats"));
    }

    /** filter-core/target/viewmetrics-filter-core-VERSION.jar, as the reactor packaged it before this module. */
    private static Path filterCoreJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Path.of("..", "filter-core", "target"),
                "viewmetrics-filter-core-*.jar")) {
            stream.forEach(jars::add);
        }
        jars.removeIf(jar -> jar.getFileName().toString().endsWith("-tests.jar"));
        assertThat(jars).as("filter-core's packaged jar").hasSize(1);
        return jars.get(0);
    }

    private static Set<String> simpleClassNames(Path classes) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .forEach(file -> names.add(simpleName(classes.relativize(file).toString().replace('\\', '/'))));
        }
        return names;
    }

    /** {@code dev/viewmetrics/stats/HtmlPage$Info.class} → {@code HtmlPage}. */
    private static String simpleName(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
        int nested = file.indexOf('$');
        return nested < 0 ? file : file.substring(0, nested);
    }
}
