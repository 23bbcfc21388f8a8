package io.quarterdeck.adapters.messaging.notifications;

import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
            String prefix = config.getOrDefault("subject_prefix", "[Quarterdeck]");
            String body = m.text() + "\r\n\r\nSeverity: " + m.severity() + "\r\nAt: " + m.at() + "\r\n";
            // The message is written out as RFC 5322 text and parsed once: sending it then needs no
            // DataContentHandler lookup (JavaBeans Activation), which an application server's class loading can hide.
            String raw = "From: " + new InternetAddress(config.get("from")).toString() + "\r\n"
                    + "To: " + InternetAddress.toString(InternetAddress.parse(config.get("to"))) + "\r\n"
                    + "Subject: " + MimeUtility.encodeText(prefix + " " + m.title(), "UTF-8", "Q") + "\r\n"
                    + "Date: " + new MailDateFormat().format(new Date()) + "\r\n"
                    + "X-Quarterdeck-Delivery: " + m.id().replaceAll("[\\r\\n]", "") + "\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\r\n";
            MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
            Transport.send(mail, InternetAddress.parse(config.get("to")));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new NotificationFailedException("smtp " + host + ": " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
