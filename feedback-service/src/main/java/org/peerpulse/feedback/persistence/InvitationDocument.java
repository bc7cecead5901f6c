package org.peerpulse.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One invitation, keyed by its token hash, with the participant's answers once redeemed and the events
 * waiting to be published ({@code outbox}, relayed by the platform).
 */
@Document(InvitationDocument.COLLECTION)
record InvitationDocument(
        @Id String id,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        String frameworkId,
        int frameworkVersion,
        Instant expiresAt,
        boolean voided,
        Instant redeemedAt,
        AnswersDocument answers,
        List<OutboxEntry> outbox,
        boolean outboxPending) {

    static final String COLLECTION = "invitations";

    static InvitationDocument of(Invitation invitation) {
        InvitedSession session = invitation.session();
        return new InvitationDocument(invitation.tokenHash(), session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), invitation.framework().id(),
                invitation.framework().version(), invitation.expiresAt(), invitation.voided(),
                invitation.redeemedAt(), null, List.of(), false);
    }

    Invitation toInvitation() {
        return new Invitation(id, new InvitedSession(agencyId, sessionId, programId, specialistId, sessionAt),
                new FrameworkRef(frameworkId, frameworkVersion), expiresAt, voided, redeemedAt);
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
