package io.quarterdeck.application.port.in.notifications;

/** One tick of the dispatcher. */
public interface DispatchNotificationsUseCase {
    /** Sends the queued notifications that are due; returns how many attempts were made. */
    int dispatchDue();
}
