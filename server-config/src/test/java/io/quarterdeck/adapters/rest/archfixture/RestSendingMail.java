package io.quarterdeck.adapters.rest.archfixture;

/** Deliberately wrong: a REST class sending mail itself instead of through the notification port. */
public class RestSendingMail {
    jakarta.mail.Session session;
}
