/** {@code /api/v1/system}: seed 000's system information, seed 003's health and system metrics. */
package io.quarterdeck.adapters.rest.apiv1.system;
