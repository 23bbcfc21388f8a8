/** In-ports of error tracking: ingest, list, read, resolve and delete error groups. */
package io.quarterdeck.application.port.in.errors;
