/**
 * Apps that managers run (scrapers, processors), their runtimes, pipeline tasks and function logs, and the commands
 * operators send them: which command a state accepts, how a command flag is set and cleared, ETA from throughput.
 */
package io.quarterdeck.domain.apps;
