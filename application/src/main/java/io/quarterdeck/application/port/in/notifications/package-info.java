/** Use cases of notifications: channels, history, tests, dispatch. */
package io.quarterdeck.application.port.in.notifications;
