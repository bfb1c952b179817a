package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.StatsdFlavor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata that {@code spring-boot-configuration-processor} generated into the starter's classes (and so its
 * jar) lists every key of the README's configuration table as {@code viewmetrics.<key>}, each with a description
 * and the table's default.
 */
class ConfigurationMetadataTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ([^|]+) \\| [^|]+ \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z.-]*)`");
    private static final Pattern SINGLE_VALUE = Pattern.compile("`([^`]+)`");

    /** Keys of viewmetrics-stats (the stats page, reports, mmap stats): not configured through the starter. */
    private static final List<String> STATS_MODULE_PREFIXES = List.of("stats.", "report.");

    /** The core's allocation setting, which comes with its own change to the table. */
    private static final String ALLOCATION = "allocation";

    private static Map<String, Map<?, ?>> metadata;
    private static Map<String, String> tableDefaults;

    @BeforeAll
    static void read() throws IOException {
        metadata = new LinkedHashMap<>();
        Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(Files.readString(METADATA));
        for (Object property : (List<?>) json.get("properties")) {
            Map<?, ?> entry = (Map<?, ?>) property;
            metadata.put((String) entry.get("name"), entry);
        }
        tableDefaults = configurationTable(Files.readString(Path.of("../README.md")));
    }

    @Test
    void everyKeyOfTheConfigurationTableIsAProperty() {
        Set<String> expected = new TreeSet<>();
        tableDefaults.keySet().forEach(key -> expected.add("viewmetrics." + key));
        expected.add("viewmetrics." + ALLOCATION);

        assertThat(tableDefaults).containsKeys("statsd.host", "service", "max-routes", "cpu-time", "global-registry");
        assertThat(new TreeSet<>(metadata.keySet())).isEqualTo(expected);
    }

    @Test
    void everyPropertyIsHandedToTheCoreUnderItsKey() {
        ViewMetricsProperties.Statsd statsd = new ViewMetricsProperties.Statsd("agent", 9125,
                ConnectorSettings.Protocol.TCP, StatsdFlavor.ETSY, "", 100, 512, Duration.ofMillis(50),
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(3));
        ViewMetricsProperties all = new ViewMetricsProperties(true, "shop", "prod", "1.0", List.of("/a/{id}", "/b"),
                20, false, 4, false, List.of("/health"), true, "web", false, statsd);

        Map<String, String> settings = all.settings();

        Set<String> keys = new TreeSet<>();
        settings.keySet().forEach(key -> keys.add("viewmetrics." + key));
        assertThat(keys).isEqualTo(new TreeSet<>(metadata.keySet()));
        assertThat(settings).containsEntry("max-routes", "20").containsEntry("statsd.queue-size", "100")
                .containsEntry("statsd.protocol", "tcp").containsEntry("statsd.flavor", "etsy")
                .containsEntry("statsd.prefix", "").containsEntry("statsd.reconnect-min", "PT0.05S")
                .containsEntry("routes", "/a/{id},/b").containsEntry("cpu-time", "false");
    }

    @Test
    void everyPropertyHasADescriptionSentence() {
        metadata.forEach((name, property) -> assertThat((String) property.get("description")).as(name)
                .isNotBlank().endsWith("."));
    }

    @Test
    void defaultsAreTheTablesDefaults() {
        tableDefaults.forEach((key, cell) -> {
            Object actual = metadata.get("viewmetrics." + key).get("defaultValue");
            Matcher single = SINGLE_VALUE.matcher(cell.trim());
            if (single.matches()) {
                assertThat(String.valueOf(actual)).as(key).isEqualTo(single.group(1));
            } else {
                assertThat(actual).as(key + " has no single default (" + cell.trim() + ")").isNull();
            }
        });
    }

    /** Key to default cell of the README's "Configuration" table, for the keys of the core. */
    private static Map<String, String> configurationTable(String readme) {
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README has a Configuration section").isPositive();
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(readme.substring(start, end));
        while (row.find()) {
            List<String> keys = new ArrayList<>();
            Matcher key = KEY.matcher(row.group(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
            for (String name : keys) {
                if (STATS_MODULE_PREFIXES.stream().noneMatch(name::startsWith)) {
                    defaults.put(name, row.group(2));
                }
            }
        }
        return defaults;
    }
}
