/** Seed 003's notification system under {@code /api/v1/notifications}: channels, history, test messages. */
package io.quarterdeck.adapters.rest.apiv1.notifications;
