/** What the apps capability needs from outside: stores of apps, runtimes, tasks, function logs, the command outbox, the command bus and live events. */
package io.quarterdeck.application.port.out.apps;
