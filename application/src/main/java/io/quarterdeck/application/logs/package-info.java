/** Log ingestion, queries, retention, live following and container log collection. */
package io.quarterdeck.application.logs;
