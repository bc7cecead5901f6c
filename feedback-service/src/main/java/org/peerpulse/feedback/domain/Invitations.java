package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;

/** All invitations this service has learned, by token hash. */
public interface Invitations {

    /**
     * Adds newly learned invitations (open, or a reissue's fresh link born voided or not needed; never an
     * answered one), all in one write, leaving every one whose token hash is already known as it is (with
     * anything that happened to it since): a redelivery changes nothing.
     */
    void addAllIfAbsent(List<Invitation> invitations);

    /**
     * Which of {@code tokenHashes} are already learned, whatever the agency: a redelivered session is learned
     * once, so it takes no second place in its agency's rotation.
     */
    Set<String> knownAmong(Collection<String> tokenHashes);

    /** The participant's way in: by token hash alone, whatever the agency (the token is the capability). */
    Optional<Invitation> withTokenHash(String tokenHash);

    /** One invitation of an agency's session, as it is now; empty if the session issued none with this hash. */
    Optional<Invitation> inSession(String agencyId, String sessionId, String tokenHash);

    /** The invitations issued for an agency's session, as they are now. */
    List<Invitation> ofSession(String agencyId, String sessionId);

    /**
     * Stores a void decided on an invitation as it was read, with the withdrawal it handed back (if any) queued
     * for publishing in the same atomic step, only if the invitation is still as read: not voided, and
     * redeemed or open as it was then.
     *
     * @return {@code true} if stored; {@code false} if the invitation changed since it was read (nothing was
     *     written, so read it again and decide again)
     */
    boolean markVoided(Invitation.Voided voided);

    /**
     * Stores a replacement decided on an invitation as read ({@link Invitation#replaceWith}), only if the
     * invitation is still unanswered, not voided and not retired: then no answer can be given with it anymore.
     *
     * @param replaced the invitation as retired, everything else as read
     * @return {@code true} if stored; {@code false} if it was answered, voided or retired since it was read
     *     (nothing was written, so read it again and decide again)
     */
    boolean markReplaced(Invitation replaced);

    /**
     * Stores the answers and queues the event in one atomic step, only if the invitation is still open at
     * {@code now} (not voided, retired or expired); keeps which event counted the answers, so that it can be
     * withdrawn.
     *
     * @return {@code true} if this call redeemed it; {@code false} if it was not open (anymore)
     */
    boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now);

    /**
     * The harm report of an agency's answer that opened the alert {@code alertId}
     * ({@link FeedbackSubmitted#harmAlertId}), kept also when its session was voided later: a void takes the answer
     * out of the indicators, not out of the lead's reach. Empty when no answer of that agency opened it.
     */
    Optional<HarmReport> harmReport(String agencyId, UUID alertId);

    /**
     * The comments given on an agency's program's sessions within {@code [from, until)} (when the participant gave
     * them, not when the session took place), leaving out voided sessions; each with only the instant it was
     * given, nothing that says whose or on which session.
     */
    List<GivenComment> commentsGiven(String agencyId, String programId, Instant from, Instant until);
}
