package io.quarterdeck.adapters.messaging.notifications;

import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * E-mail through Jakarta Mail (Angus) over SMTP: STARTTLS is required unless the channel sets {@code starttls}
 * false (then it is still used when the server offers it); login when {@code username} is set.
 */
final class SmtpMail {
    private SmtpMail() {
    }

    static void send(Map<String, String> config, Map<String, String> secrets, NotificationMessage m,
                     Duration timeout) {
        Properties p = new Properties();
        String host = config.get("smtp_host");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", config.getOrDefault("smtp_port", "587"));
        boolean required = !"false".equals(config.get("starttls"));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", Boolean.toString(required));
        p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        String user = config.get("username");
        Authenticator auth = null;
        if (user != null) {
            p.put("mail.smtp.auth", "true");
            String password = secrets.getOrDefault("password", "");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: use this module's (the WAR's).
        Thread.currentThread().setContextClassLoader(SmtpMail.class.getClassLoader());
        try {
            Session session = Session.getInstance(p, auth);
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(config.get("from")));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(config.get("to")));
            String prefix = config.getOrDefault("subject_prefix", "[Quarterdeck]");
            mail.setSubject(prefix + " " + m.title(), "UTF-8");
            mail.setText(m.text() + "\n\nSeverity: " + m.severity() + "\nAt: " + m.at() + "\n", "UTF-8");
            mail.setSentDate(new Date());
            mail.setHeader("X-Quarterdeck-Delivery", m.id());
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new NotificationFailedException("smtp " + host + ": " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
