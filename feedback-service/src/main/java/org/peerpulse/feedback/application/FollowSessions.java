package org.peerpulse.feedback.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.Agencies;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.domain.RotationCursors;
import org.peerpulse.feedback.domain.ValueRotation;

/**
 * Follows the session stream one polled batch at a time: learns every invitation the batch's logged
 * sessions issued, in one write, then applies its reissues and voids in the stream's order, so that a void
 * after a reissue also ends the fresh links.
 *
 * <p>Voiding withdraws each answer that counted exactly once: the invitation decides on what was read, and the
 * store keeps that decision only if the invitation is still as read, so an answer stored in between is seen on
 * the next read and withdrawn, and an answer that comes after the void is refused.
 *
 * <p>A reissue pairs each fresh link with one issued before. There is no transaction across the two documents,
 * so the order of the two writes carries the rule that a session never has more working links than
 * invitations: first the replaced link is retired, guarded on being still unanswered (the participant's redeem
 * is guarded the other way round, so exactly one of them wins), and only then is the fresh link learned. A
 * crash in between leaves the replaced link naming its replacement, so the redelivered reissue learns the fresh
 * link as working; when the replaced link was answered, voided or already replaced instead, the fresh one is
 * learned as never working. Every step is safe to repeat, so a redelivered batch changes nothing and
 * publishes nothing.
 *
 * <p>Each invitation's items are fixed when it is learned. An agency that rotates its value items
 * ({@link ValueRotation}) has its cursor moved on once per batch by the slots its new invitations take (one
 * {@code $inc}), and its new invitations take those slots in the stream's order; invitations already known
 * (a redelivery) take none, so the rotation stays exact. The cursor and the invitations are two writes with no
 * transaction: a crash between them leaves those slots taken by no one, and the redelivered batch takes the next
 * ones. The skipped slots are one unbroken run of the round, so each such crash can put one item at most one
 * ask behind another; indicators count responses per item asked (DESIGN §2), so they stay right. A reissue's
 * fresh link asks what the link it replaces asked.
 */
public class FollowSessions {

    /**
     * How many times one invitation's void or replacement is decided. An invitation changes at most twice
     * (redeemed or retired, then voided), so by the third read it has settled; a fourth would mean the store
     * is not keeping its word.
     */
    private static final int DECISIONS = 3;

    private final Invitations invitations;
    private final QualityFrameworks frameworks;
    private final Agencies agencies;
    private final RotationCursors cursors;
    private final Clock clock;

    public FollowSessions(Invitations invitations, QualityFrameworks frameworks, Agencies agencies,
            RotationCursors cursors, Clock clock) {
        this.invitations = invitations;
        this.frameworks = frameworks;
        this.agencies = agencies;
        this.cursors = cursors;
        this.clock = clock;
    }

    public void follow(Batch batch) {
        if (!batch.issued().isEmpty()) {
            List<Invitation> learned = learn(batch.issued());
            if (!learned.isEmpty()) {
                invitations.addAllIfAbsent(learned);
            }
        }
        for (SessionChange change : batch.changes()) {
            if (change instanceof VoidedSession voided) {
                for (Invitation read : invitations.ofSession(voided.agencyId(), voided.sessionId())) {
                    voidWithSession(read);
                }
            } else if (change instanceof ReissuedLinks reissued) {
                for (FreshLink fresh : reissued.links()) {
                    replace(reissued, fresh);
                }
            }
        }
    }

    /**
     * The batch's invitations not known yet, each once, with the items its form asks: every item, or for an
     * agency that rotates, the next slots of its rotation, taken in the stream's order.
     */
    private List<Invitation> learn(List<IssuedInvitation> issued) {
        Set<String> known = invitations.knownAmong(issued.stream().map(IssuedInvitation::tokenHash).toList());
        Map<String, IssuedInvitation> fresh = new LinkedHashMap<>();
        issued.stream().filter(invitation -> !known.contains(invitation.tokenHash()))
                .forEach(invitation -> fresh.putIfAbsent(invitation.tokenHash(), invitation));
        Map<String, List<IssuedInvitation>> byAgency = new LinkedHashMap<>();
        fresh.values().forEach(invitation -> byAgency
                .computeIfAbsent(invitation.session().agencyId(), agency -> new ArrayList<>()).add(invitation));
        List<Invitation> learned = new ArrayList<>();
        byAgency.forEach((agencyId, ofAgency) -> learned.addAll(learnOf(agencyId, ofAgency)));
        return learned;
    }

    private List<Invitation> learnOf(String agencyId, List<IssuedInvitation> issued) {
        Integer perForm = agencies.formSettingsOf(agencyId).valueItemsPerForm();
        List<QualityFramework> forms = new ArrayList<>();
        List<Optional<ValueRotation>> rotations = new ArrayList<>();
        long slots = 0;
        for (IssuedInvitation invitation : issued) {
            QualityFramework framework = frameworks.find(invitation.framework()).orElseThrow(
                    () -> new IllegalStateException("a session names a framework this service lacks"));
            Optional<ValueRotation> rotation = ValueRotation.of(perForm, framework);
            forms.add(framework);
            rotations.add(rotation);
            slots += rotation.map(ValueRotation::perForm).orElse(0);
        }
        long slot = slots == 0 ? 0 : cursors.advance(agencyId, slots);
        List<Invitation> learned = new ArrayList<>();
        for (int i = 0; i < issued.size(); i++) {
            QualityFramework framework = forms.get(i);
            List<String> asked;
            if (rotations.get(i).isPresent()) {
                asked = rotations.get(i).get().itemsAsked(framework, slot);
                slot += rotations.get(i).get().perForm();
            } else {
                asked = ValueRotation.everyItem(framework);
            }
            learned.add(issued.get(i).toInvitation(asked));
        }
        return learned;
    }

    private void voidWithSession(Invitation read) {
        Optional<Invitation> current = Optional.of(read);
        for (int decision = 0; decision < DECISIONS && current.isPresent(); decision++) {
            Optional<Invitation.Voided> voided = current.get().voidWithSession(clock.instant(),
                    EventIds.newId(clock));
            if (voided.isEmpty() || invitations.markVoided(voided.get())) {
                return;
            }
            // Redeemed or voided since it was read: decide again on what it is now.
            current = invitations.inSession(read.session().agencyId(), read.session().sessionId(),
                    read.tokenHash());
        }
        if (current.isPresent()) {
            throw new IllegalStateException("an invitation kept changing while its session was voided");
        }
    }

    /** Retires the replaced link if it may give way, then learns the fresh one as the decision says. */
    private void replace(ReissuedLinks reissued, FreshLink fresh) {
        Invitation link = fresh.link().toInvitation();
        for (int decision = 0; decision < DECISIONS; decision++) {
            Invitation.Replacement replacement = invitations
                    .inSession(reissued.agencyId(), reissued.sessionId(), fresh.replacedTokenHash())
                    .map(replaced -> replaced.replaceWith(link))
                    .orElseGet(() -> Invitation.Replacement.ofUnknown(link));
            if (replacement.toRetire().isEmpty() || invitations.markReplaced(replacement.toRetire().get())) {
                invitations.addAllIfAbsent(List.of(replacement.fresh()));
                return;
            }
            // Answered, voided or replaced since it was read: decide again on what it is now.
        }
        throw new IllegalStateException("an invitation kept changing while it was replaced");
    }

    /**
     * What one poll of the session stream said: the invitations issued, and the sessions reissued and voided,
     * in the stream's order.
     */
    public record Batch(List<IssuedInvitation> issued, List<SessionChange> changes) {

        public Batch {
            issued = List.copyOf(issued);
            changes = List.copyOf(changes);
        }
    }

    /** Something that happened to a logged session, applied in the order it happened. */
    public sealed interface SessionChange permits ReissuedLinks, VoidedSession {
    }

    /**
     * An invitation session-service issued for a logged session.
     *
     * @param tokenHash lower-case hex SHA-256 of the token; the token itself never reaches this service
     *     before the participant brings it
     */
    public record IssuedInvitation(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt) {

        private static final Pattern SHA_256_HEX = Pattern.compile("^[0-9a-f]{64}$");

        public IssuedInvitation {
            if (tokenHash == null || !SHA_256_HEX.matcher(tokenHash).matches()) {
                throw new IllegalArgumentException("tokenHash must be a lower-case hex SHA-256");
            }
            Objects.requireNonNull(session, "session is required");
            Objects.requireNonNull(framework, "framework is required");
            Objects.requireNonNull(expiresAt, "expiresAt is required");
        }

        /** As a reissue's fresh link, which asks what the link it replaces asked. */
        Invitation toInvitation() {
            return Invitation.issued(tokenHash, session, framework, expiresAt);
        }

        Invitation toInvitation(List<String> itemsAsked) {
            return Invitation.issued(tokenHash, session, framework, expiresAt, itemsAsked);
        }
    }

    /**
     * Fresh links a specialist asked for, for one session of an agency, each taking the place of a link issued
     * before.
     */
    public record ReissuedLinks(String agencyId, String sessionId, List<FreshLink> links) implements SessionChange {

        public ReissuedLinks {
            if (agencyId == null || agencyId.isBlank() || sessionId == null || sessionId.isBlank()) {
                throw new IllegalArgumentException("agencyId and sessionId are required");
            }
            links = List.copyOf(links);
            for (FreshLink fresh : links) {
                if (!fresh.link().session().agencyId().equals(agencyId)
                        || !fresh.link().session().sessionId().equals(sessionId)) {
                    throw new IllegalArgumentException("a fresh link belongs to the session reissued");
                }
            }
        }
    }

    /**
     * A fresh link and the link it takes the place of, both known by their token hashes only.
     *
     * @param replacedTokenHash lower-case hex SHA-256 of the token it replaces
     */
    public record FreshLink(String replacedTokenHash, IssuedInvitation link) {

        public FreshLink {
            if (replacedTokenHash == null || !IssuedInvitation.SHA_256_HEX.matcher(replacedTokenHash).matches()) {
                throw new IllegalArgumentException("replacedTokenHash must be a lower-case hex SHA-256");
            }
            Objects.requireNonNull(link, "link is required");
            if (replacedTokenHash.equals(link.tokenHash())) {
                throw new IllegalArgumentException("a link does not replace itself");
            }
        }
    }

    /** A session of an agency that was voided: its invitations stop working and their answers stop counting. */
    public record VoidedSession(String agencyId, String sessionId) implements SessionChange {

        public VoidedSession {
            if (agencyId == null || agencyId.isBlank() || sessionId == null || sessionId.isBlank()) {
                throw new IllegalArgumentException("agencyId and sessionId are required");
            }
        }
    }
}
