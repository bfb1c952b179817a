/**
 * Route resolution: declared templates, ID normalisation, cardinality guard.
 */
package dev.viewmetrics.core.route;
