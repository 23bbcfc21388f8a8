/** Logs under {@code /api/v1}: seed 003's query across sources, seed 000's services and per-source lines (004's servers). */
package io.quarterdeck.adapters.rest.apiv1.logs;
