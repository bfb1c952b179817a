/**
 * Jakarta REST (Jersey, RESTEasy) integration of viewmetrics: {@link dev.viewmetrics.jaxrs.ViewMetricsFeature}
 * reports the resource template the runtime matched, the exceptions exception mappers handled and that nothing
 * matched to the {@link dev.viewmetrics.core.ViewMetricsFilter} through
 * {@link dev.viewmetrics.core.ViewMetricsContext}. This package only reports; the filter measures.
 */
package dev.viewmetrics.jaxrs;
