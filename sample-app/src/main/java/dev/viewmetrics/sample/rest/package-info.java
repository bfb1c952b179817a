/**
 * The {@code /rest} application: Jersey (Jakarta REST 3.1), instrumented by the filter and the
 * {@code viewmetrics-jaxrs} jar alone (Jersey's auto-discovery registers it).
 */
package dev.viewmetrics.sample.rest;
