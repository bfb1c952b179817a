package dev.viewmetrics.spring.boot.testing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Spring Boot application on 127.0.0.1 and a free port (embedded Tomcat of the Boot line under test), with
 * environment variables injected into its {@code Environment} instead of read from the process, and the actuator's
 * metrics endpoint exposed over HTTP.
 */
public final class BootApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BootApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts {@code application} with these environment variables and {@code --key=value} arguments. */
    public static BootApp start(Class<?> application, Map<String, String> environmentVariables, String... arguments) {
        SpringApplication spring = new SpringApplication(application);
        spring.setEnvironment(environment(environmentVariables));
        return new BootApp(spring.run(arguments(arguments)));
    }

    /** Runs {@code application} as {@link #start} does, expecting start-up to fail; returns the failure. */
    public static Throwable failToStart(Class<?> application, Map<String, String> environmentVariables,
            String... arguments) {
        SpringApplication spring = new SpringApplication(application);
        spring.setEnvironment(environment(environmentVariables));
        try {
            spring.run(arguments(arguments)).close();
        } catch (RuntimeException expected) {
            return expected;
        }
        throw new AssertionError(application.getSimpleName() + " started although it should not have");
    }

    /** A servlet environment whose system environment holds {@code variables} only. */
    private static StandardServletEnvironment environment(Map<String, String> variables) {
        StandardServletEnvironment environment = new StandardServletEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        return environment;
    }

    private static String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.address=127.0.0.1", "--server.port=0",
                "--spring.main.banner-mode=off", "--management.endpoints.web.exposure.include=metrics"));
        all.addAll(List.of(arguments));
        return all.toArray(new String[0]);
    }

    /** The running application's context. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The actuator's view of meter {@code name} restricted to {@code tags} ({@code "route:/orders/{orderId}"}), as
     * parsed JSON, or {@code null} when the actuator has no such meter.
     */
    public Map<String, Object> metric(String name, String... tags) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(URLEncoder.encode(tags[i], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = get(path.toString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("actuator answered " + response.statusCode() + ": " + response.body());
        }
        return JsonParserFactory.getJsonParser().parseMap(response.body());
    }

    /** One statistic ({@code COUNT}, {@code TOTAL_TIME}, {@code MAX}) of meter {@code name} with {@code tags}. */
    public double statistic(String name, String statistic, String... tags) throws IOException, InterruptedException {
        Map<String, Object> metric = metric(name, tags);
        if (metric == null) {
            throw new AssertionError("the actuator has no meter " + name + " with tags " + List.of(tags));
        }
        for (Object measurement : (List<?>) metric.get("measurements")) {
            Map<?, ?> entry = (Map<?, ?>) measurement;
            if (statistic.equals(entry.get("statistic"))) {
                return ((Number) entry.get("value")).doubleValue();
            }
        }
        throw new AssertionError(name + " has no " + statistic + ": " + metric);
    }

    /** How many recordings meter {@code name} with {@code tags} has, as the actuator reports it. */
    public long count(String name, String... tags) throws IOException, InterruptedException {
        return Math.round(statistic(name, "COUNT", tags));
    }

    /** The values the actuator lists for tag {@code key} of meter {@code name}. */
    public List<Object> tagValues(String name, String key) throws IOException, InterruptedException {
        Map<String, Object> metric = metric(name);
        if (metric == null) {
            throw new AssertionError("the actuator has no meter " + name);
        }
        for (Object tag : (List<?>) metric.get("availableTags")) {
            Map<?, ?> entry = (Map<?, ?>) tag;
            if (key.equals(entry.get("tag"))) {
                return new ArrayList<>((List<?>) entry.get("values"));
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        context.close();
    }
}
