package org.peerpulse.feedback.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerpulse.feedback.domain.FormMode;

/**
 * The business meters of feedback-service: feedback submitted, by how it was collected and in which form
 * language, and invitations that expired unanswered. The language is folded to {@code en}, {@code es} or
 * {@code other}, so whatever a participant's browser asks for, the tag stays one of three; every
 * combination is registered up front, so a scrape shows zeros before the first answer.
 */
final class FeedbackMeters {

    static final List<String> LANGUAGES = List.of("en", "es", "other");

    private final Map<String, Counter> submitted = new HashMap<>();
    private final Counter expired;

    FeedbackMeters(MeterRegistry registry) {
        for (FormMode mode : FormMode.values()) {
            for (String language : LANGUAGES) {
                submitted.put(key(mode, language), Counter.builder("peerpulse.feedback.submitted")
                        .description("Feedback stored (an invitation is redeemed once; refusals are not counted)")
                        .tag("mode", mode.name())
                        .tag("language", language)
                        .register(registry));
            }
        }
        expired = Counter.builder("peerpulse.invitations.expired")
                .description("Invitations that reached their expiry unanswered and not voided")
                .register(registry);
    }

    void submitted(FormMode mode, String language) {
        String folded = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        submitted.get(key(mode, LANGUAGES.contains(folded) ? folded : "other")).increment();
    }

    void expired(long invitations) {
        expired.increment(invitations);
    }

    private static String key(FormMode mode, String language) {
        return mode.name() + "/" + language;
    }
}
