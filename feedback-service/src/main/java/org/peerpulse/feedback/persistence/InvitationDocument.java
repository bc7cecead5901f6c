package org.peerpulse.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.CountedAnswer;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One invitation, keyed by its token hash, with the participant's answers once redeemed, the id of the
 * {@code FeedbackSubmitted} that counted them (so that a void can withdraw exactly that event), for an answer that
 * reported harm the id of the alert it opened ({@code harmAlertId}, derived from that event id, so that a lead
 * following the alert finds the participant's words; absent on answers without harm), why a reissue
 * retired it unanswered ({@code retired}, and for a replaced one the hash of its replacement,
 * {@code replacedBy}; both absent on documents from before reissues, which read as not retired), the values the
 * specialist said they practiced in the session ({@code valuesPracticed}; absent on documents from before it was
 * kept, which read as none) and the
 * events waiting to be published ({@code outbox}, relayed by the platform, in order). {@code itemsAsked} are the
 * value and principle codes its form asks, fixed when it was learned; absent on documents from before forms
 * could rotate, which read as none: those forms ask every item.
 */
@Document(InvitationDocument.COLLECTION)
record InvitationDocument(
        @Id String id,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        List<String> valuesPracticed,
        String frameworkId,
        int frameworkVersion,
        Instant expiresAt,
        boolean voided,
        Instant redeemedAt,
        AnswersDocument answers,
        String submittedEventId,
        String harmAlertId,
        String retired,
        String replacedBy,
        List<String> itemsAsked,
        List<OutboxEntry> outbox,
        boolean outboxPending) {

    static final String COLLECTION = "invitations";
    static final String SESSION_ID = "sessionId";
    static final String VOIDED = "voided";
    static final String REDEEMED_AT = "redeemedAt";
    static final String ANSWERS = "answers";
    static final String SUBMITTED_EVENT_ID = "submittedEventId";
    static final String HARM_ALERT_ID = "harmAlertId";
    static final String RETIRED = "retired";
    static final String REPLACED_BY = "replacedBy";

    /**
     * A newly learned invitation, nothing to publish: open, or a reissue's fresh link that was born voided or not
     * needed. Never an answered one: answers only ever arrive through the participant's redeem.
     */
    static InvitationDocument learned(Invitation invitation) {
        if (invitation.redeemedAt() != null || invitation.replacedBy() != null) {
            throw new IllegalArgumentException("only a newly issued invitation is learned");
        }
        InvitedSession session = invitation.session();
        return new InvitationDocument(invitation.tokenHash(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), session.valuesPracticed(),
                invitation.framework().id(),
                invitation.framework().version(), invitation.expiresAt(), invitation.voided(), null, null, null, null,
                invitation.retired() == null ? null : invitation.retired().name(), null, invitation.itemsAsked(),
                List.of(), false);
    }

    /**
     * The invitation as stored. One redeemed before the event id was kept has no counted answer: nothing
     * names the event that counted it.
     */
    Invitation toInvitation() {
        CountedAnswer counted = submittedEventId == null || answers == null ? null
                : new CountedAnswer(UUID.fromString(submittedEventId), answers.ratings(), answers.hope(),
                        answers.harmReported(), answers.language(), answers.mode());
        return new Invitation(id, new InvitedSession(agencyId, sessionId, programId, specialistId, sessionAt,
                        valuesPracticed),
                new FrameworkRef(frameworkId, frameworkVersion), expiresAt, voided, redeemedAt, counted,
                retired == null ? null : Invitation.Retirement.valueOf(retired), replacedBy, itemsAsked);
    }

    /** The answers as given; the comment and harm text live only here. */
    record AnswersDocument(Map<String, Integer> ratings, Integer hope, boolean harmReported, String harmText,
            String comment, String language, String mode) {

        static AnswersDocument of(Answers answers) {
            return new AnswersDocument(answers.ratings(), answers.hope(), answers.harmReported(),
                    answers.harmText().orElse(null), answers.comment().orElse(null), answers.language(),
                    answers.mode().name());
        }
    }
}
