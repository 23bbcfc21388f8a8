/** Seed 003's apps, runtimes, pipelines, performance and bulk endpoints, the report intake, and commands for managers. */
package io.quarterdeck.adapters.rest.apiv1.apps;
