/** The {@code /spring} application: Spring MVC instrumented by {@code @EnableViewMetrics} alone. */
package dev.viewmetrics.sample.spring;
