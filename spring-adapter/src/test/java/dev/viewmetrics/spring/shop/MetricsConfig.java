package dev.viewmetrics.spring.shop;

import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.context.annotation.Configuration;

/** The root configuration of the test shop: all it takes to get metrics. */
@Configuration
@EnableViewMetrics
public class MetricsConfig {
}
