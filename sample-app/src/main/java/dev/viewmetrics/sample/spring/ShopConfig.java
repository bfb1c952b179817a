package dev.viewmetrics.sample.spring;

import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The Spring MVC application: its controllers, and {@code @EnableViewMetrics} — all the metrics code there is. */
@Configuration
@EnableWebMvc
@EnableViewMetrics
@Import({OrderController.class, LoadController.class})
public class ShopConfig {

    /** Completes the {@code DeferredResult}s of {@code /async/{id}}. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService asyncCompleter() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sample-async-completer");
            thread.setDaemon(true);
            return thread;
        });
    }
}
