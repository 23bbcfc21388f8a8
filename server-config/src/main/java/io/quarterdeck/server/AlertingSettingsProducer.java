package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.ALERTING_ENABLED;
import static io.quarterdeck.server.ConfigKey.ALERTING_EVALUATION_INTERVAL_SECONDS;
import static io.quarterdeck.server.ConfigKey.NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS;
import static io.quarterdeck.server.ConfigKey.NOTIFICATIONS_MAX_ATTEMPTS;
import static io.quarterdeck.server.ConfigKey.NOTIFICATIONS_RETRY_BASE_SECONDS;
import static io.quarterdeck.server.ConfigKey.NOTIFICATIONS_TELEGRAM_BASE_URL;
import static io.quarterdeck.server.ConfigKey.NOTIFICATIONS_TIMEOUT_SECONDS;

import io.quarterdeck.adapters.messaging.notifications.NotificationSettings;
import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Alerting's settings (issue 17): the evaluator and dispatcher schedules, retries, the channels' timeouts. */
@ApplicationScoped
public class AlertingSettingsProducer {
    @Produces
    @Singleton
    AlertingSettings alerting(Config config) {
        return alerting(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    NotificationSettings notifications(Config config) {
        return notifications(ConfigReader.of(config));
    }

    /** Whether this instance runs the evaluator and the dispatcher ({@code quarterdeck.alerting.enabled}). */
    @Produces
    @Singleton
    @Named("quarterdeck.alerting.enabled")
    Boolean enabled(Config config) {
        return ConfigReader.of(config).flag(ALERTING_ENABLED);
    }

    static AlertingSettings alerting(ConfigReader c) {
        return new AlertingSettings(Duration.ofSeconds(c.whole(ALERTING_EVALUATION_INTERVAL_SECONDS)),
                Duration.ofSeconds(c.whole(NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS)),
                c.integer(NOTIFICATIONS_MAX_ATTEMPTS), Duration.ofSeconds(c.whole(NOTIFICATIONS_RETRY_BASE_SECONDS)));
    }

    static NotificationSettings notifications(ConfigReader c) {
        return new NotificationSettings(Duration.ofSeconds(c.whole(NOTIFICATIONS_TIMEOUT_SECONDS)),
                c.text(NOTIFICATIONS_TELEGRAM_BASE_URL));
    }
}
