/** In-ports of logs: ingest lines, query them, list their sources, follow them live, apply retention. */
package io.quarterdeck.application.port.in.logs;
