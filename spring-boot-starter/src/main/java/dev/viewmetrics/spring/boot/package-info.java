/**
 * Spring Boot starter of viewmetrics: {@link dev.viewmetrics.spring.boot.ViewMetricsAutoConfiguration} declares what
 * {@code @EnableViewMetrics} declares, configured by {@link dev.viewmetrics.spring.boot.ViewMetricsProperties}
 * ({@code viewmetrics.*}, with IDE metadata), and an invalid setting stops start-up with Boot's failure analysis.
 */
package dev.viewmetrics.spring.boot;
