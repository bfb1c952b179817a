/** Configuration: keys from init-params, builders and the environment, validated once at start-up. */
package dev.viewmetrics.core.config;
