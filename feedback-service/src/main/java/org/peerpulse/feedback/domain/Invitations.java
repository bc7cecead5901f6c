package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peerpulse.contracts.FeedbackSubmitted;

/** All invitations this service has learned, by token hash. */
public interface Invitations {

    /** Adds a newly learned invitation unless its token hash is already known: a redelivery changes nothing. */
    void addIfAbsent(Invitation invitation);

    Optional<Invitation> withTokenHash(String tokenHash);

    /** Marks the invitation of an agency's session voided, if there is one. */
    void voidForSession(String agencyId, String sessionId);

    /**
     * Stores the answers and queues the event in one atomic step, only if the invitation is still open at
     * {@code now}.
     *
     * @return {@code true} if this call redeemed it; {@code false} if it was not open (anymore)
     */
    boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now);

    /**
     * The comments given on an agency's program's sessions that took place in {@code [from, until)},
     * leaving out voided sessions; texts only, nothing that says whose or when.
     */
    List<String> commentsOn(String agencyId, String programId, Instant from, Instant until);
}
