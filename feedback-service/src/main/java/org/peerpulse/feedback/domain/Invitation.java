package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;

/**
 * A one-time invitation to give feedback on one session, known only by its token's hash. It can be
 * redeemed once, before it expires, unless its session was voided or it was retired by a reissue; voiding
 * its session after it was redeemed withdraws the answer it counted.
 *
 * <p>A reissue pairs a fresh link with one issued before ({@link #replaceWith}): the session keeps as many
 * working links as it has invitations, so it never gets more answers than it counted invitations.
 *
 * @param redeemedAt when feedback was given, or {@code null} while still open
 * @param counted the answer it counted, as published; {@code null} while open (and for an invitation
 *     redeemed before answers were kept for withdrawal, which therefore cannot be withdrawn)
 * @param retired why a reissue ended it unanswered, or {@code null} while it was not
 * @param replacedBy the token hash of the fresh link that took its place; set exactly when it was
 *     {@link Retirement#REPLACED}, so that a redelivered reissue can tell its own replacement from another
 * @param itemsAsked the value and principle codes its form asks, fixed when it was learned (hope and the
 *     do-no-harm question are always asked); empty for an invitation learned before forms could rotate, whose
 *     form asks every item of its framework
 */
public record Invitation(String tokenHash, InvitedSession session, FrameworkRef framework, Instant expiresAt,
        boolean voided, Instant redeemedAt, CountedAnswer counted, Retirement retired, String replacedBy,
        List<String> itemsAsked) {

    public Invitation {
        InvitedSession.requireText(tokenHash, "tokenHash");
        Objects.requireNonNull(session, "session is required");
        Objects.requireNonNull(framework, "framework is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (counted != null && redeemedAt == null) {
            throw new IllegalArgumentException("an answer counts only once the invitation is redeemed");
        }
        if ((retired == Retirement.REPLACED) != (replacedBy != null)) {
            throw new IllegalArgumentException("a replaced invitation names its replacement, and only it does");
        }
        if (retired != null && redeemedAt != null) {
            throw new IllegalArgumentException("an answered invitation is never retired");
        }
        itemsAsked = List.copyOf(itemsAsked == null ? List.of() : itemsAsked);
    }

    /** An invitation as learned before forms could rotate: its form asks every item. */
    public Invitation(String tokenHash, InvitedSession session, FrameworkRef framework, Instant expiresAt,
            boolean voided, Instant redeemedAt, CountedAnswer counted, Retirement retired, String replacedBy) {
        this(tokenHash, session, framework, expiresAt, voided, redeemedAt, counted, retired, replacedBy, List.of());
    }

    /** A freshly issued invitation whose form asks every item: open until {@code expiresAt}. */
    public static Invitation issued(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt) {
        return issued(tokenHash, session, framework, expiresAt, List.of());
    }

    /** A freshly issued invitation whose form asks {@code itemsAsked}: open until {@code expiresAt}. */
    public static Invitation issued(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt, List<String> itemsAsked) {
        return new Invitation(tokenHash, session, framework, expiresAt, false, null, null, null, null, itemsAsked);
    }

    /**
     * The form this invitation shows and checks answers against: {@code framework} (its own) with only the value
     * and principle items it asks, and hope and the do-no-harm question; the whole framework when it was learned
     * before forms could rotate.
     */
    public QualityFramework formOf(QualityFramework framework) {
        if (!framework.ref().equals(this.framework)) {
            throw new IllegalArgumentException("an invitation's form comes from its own framework");
        }
        if (itemsAsked.isEmpty()) {
            return framework;
        }
        return new QualityFramework(framework.id(), framework.version(), framework.maxValueItemsPerForm(),
                framework.items().stream().filter(this::asks).toList(), framework.scale());
    }

    private boolean asks(FrameworkItem item) {
        return item.kind() == ItemKind.HOPE || item.kind() == ItemKind.HARM || itemsAsked.contains(item.code());
    }

    /** Why this invitation cannot be redeemed at {@code now}, if it cannot; a used token says so first. */
    public Optional<Reason> unavailableAt(Instant now) {
        if (redeemedAt != null) {
            return Optional.of(Reason.ALREADY_USED);
        }
        if (voided) {
            return Optional.of(Reason.VOIDED);
        }
        if (retired != null) {
            return Optional.of(retired == Retirement.REPLACED ? Reason.REPLACED : Reason.NOT_NEEDED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(Reason.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * Redeems the invitation with the participant's answers.
     *
     * @return the fact to publish: the session's dimensions and the ratings, never the comment or harm text
     * @throws InvitationUnavailableException if it is used, voided, retired or expired
     */
    public FeedbackSubmitted redeem(Answers answers, Instant now, UUID eventId) {
        Optional<Reason> unavailable = unavailableAt(now);
        if (unavailable.isPresent()) {
            throw new InvitationUnavailableException(unavailable.get());
        }
        if (!answers.framework().equals(framework)) {
            throw new IllegalArgumentException("answers were checked against another framework");
        }
        if (!itemsAsked.isEmpty() && !new HashSet<>(itemsAsked).containsAll(answers.ratings().keySet())) {
            throw new IllegalArgumentException("answers were checked against another form");
        }
        return new FeedbackSubmitted(eventId, now, session.agencyId(), session.sessionId(), session.programId(),
                session.specialistId(), session.sessionAt(), framework, answers.ratings(), answers.hope(),
                answers.harmReported(), answers.language(), answers.mode().name(), session.valuesPracticed(),
                itemsAsked);
    }

    /**
     * Voids this invitation because its session was voided. The answer it counted, if any, no longer counts:
     * the decision hands back its withdrawal, built from the {@link FeedbackSubmitted} that was published for
     * it, to be published from the same invitation, after that answer. Decided on this invitation as read:
     * the store keeps it only if the invitation is still so (not voided, redeemed or not as read).
     *
     * @param eventId the withdrawal's event id, used only if there is an answer to withdraw
     * @return empty if it was voided before: a repeated void changes nothing and withdraws nothing
     */
    public Optional<Voided> voidWithSession(Instant now, UUID eventId) {
        if (voided) {
            return Optional.empty();
        }
        Invitation after = new Invitation(tokenHash, session, framework, expiresAt, true, redeemedAt, counted,
                retired, replacedBy, itemsAsked);
        FeedbackWithdrawn withdrawn = counted == null ? null
                : FeedbackWithdrawn.of(published(), FeedbackWithdrawn.SESSION_VOIDED, eventId, now);
        return Optional.of(new Voided(after, withdrawn));
    }

    /**
     * Pairs a fresh link with this one, which it is to replace, deciding on this invitation as read:
     * <ul>
     * <li>still unanswered (open or past its expiry) and neither voided nor retired: this one is retired as
     * {@link Retirement#REPLACED} (to be stored only if it is still so) and the fresh one works;
     * <li>already replaced by this very fresh link (the reissue came again): nothing left to retire, the
     * fresh one works;
     * <li>voided: the fresh one is learned voided, like every link of its session;
     * <li>answered, replaced by another link, or itself not needed: its place is taken, so the fresh one is
     * learned {@link Retirement#NOT_NEEDED} and never works.
     * </ul>
     *
     * @param fresh the fresh link as issued; it takes this one's session dimensions, should the two disagree, and
     *     asks the items this one asks, so that a reissue never changes what the participant is asked
     */
    public Replacement replaceWith(Invitation fresh) {
        requireFresh(fresh);
        if (fresh.tokenHash.equals(tokenHash) || !fresh.session.agencyId().equals(session.agencyId())
                || !fresh.session.sessionId().equals(session.sessionId())) {
            throw new IllegalArgumentException("a link is replaced by another link of its own session");
        }
        // It asks about the very session this one does, so its answer counts under the same dimensions, and it
        // asks the same items: the rotation slot was this link's.
        Invitation placed = new Invitation(fresh.tokenHash, session, fresh.framework, fresh.expiresAt, false, null,
                null, null, null, itemsAsked);
        if (voided) {
            return new Replacement(null, placed.with(true, null, null));
        }
        if (redeemedAt != null || (retired != null && !placed.tokenHash.equals(replacedBy))) {
            return Replacement.notNeeded(placed);
        }
        if (retired != null) {
            return new Replacement(null, placed);
        }
        return new Replacement(with(false, Retirement.REPLACED, placed.tokenHash), placed);
    }

    private static void requireFresh(Invitation fresh) {
        if (fresh.voided || fresh.redeemedAt != null || fresh.retired != null) {
            throw new IllegalArgumentException("only a freshly issued link replaces another");
        }
    }

    private Invitation with(boolean voided, Retirement retired, String replacedBy) {
        return new Invitation(tokenHash, session, framework, expiresAt, voided, redeemedAt, counted, retired,
                replacedBy, itemsAsked);
    }

    /** The fact published when this invitation was redeemed, rebuilt from what it kept. */
    private FeedbackSubmitted published() {
        return new FeedbackSubmitted(counted.submittedEventId(), redeemedAt, session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), framework, counted.ratings(),
                counted.hope(), counted.harmReported(), counted.language(), counted.mode(),
                session.valuesPracticed(), itemsAsked);
    }

    /**
     * An invitation just voided with its session.
     *
     * @param invitation the invitation as voided; everything else as it was read
     * @param withdrawn the withdrawal of the answer it counted, or {@code null} when it counted none
     */
    public record Voided(Invitation invitation, FeedbackWithdrawn withdrawn) {

        public Optional<FeedbackWithdrawn> withdrawal() {
            return Optional.ofNullable(withdrawn);
        }
    }

    /**
     * What a reissue decided for one pairing.
     *
     * @param retired the replaced invitation retired as {@link Retirement#REPLACED}, everything else as read,
     *     or {@code null} when there is nothing to retire
     * @param fresh the fresh link as it is to be learned: open, born voided, or not needed
     */
    public record Replacement(Invitation retired, Invitation fresh) {

        public Replacement {
            Objects.requireNonNull(fresh, "fresh is required");
        }

        /**
         * The replaced link is not known in its session (its {@code SessionLogged} never arrived, or it belongs
         * to another session): nothing can give way to the fresh one, so it never works either.
         */
        public static Replacement ofUnknown(Invitation fresh) {
            requireFresh(fresh);
            return notNeeded(fresh);
        }

        private static Replacement notNeeded(Invitation fresh) {
            return new Replacement(null, fresh.with(false, Retirement.NOT_NEEDED, null));
        }

        public Optional<Invitation> toRetire() {
            return Optional.ofNullable(retired);
        }
    }

    /**
     * Why a reissue ended a link unanswered. Both keep a session's working links at its number of
     * invitations: a fresh link only works in the place of one that gave way.
     */
    public enum Retirement {
        /** A fresh link took its place while it was still unanswered. */
        REPLACED,
        /**
         * It was issued to take the place of a link that could no longer give way (answered meanwhile, already
         * replaced by another link, or unknown here), so it never worked.
         */
        NOT_NEEDED
    }
}
