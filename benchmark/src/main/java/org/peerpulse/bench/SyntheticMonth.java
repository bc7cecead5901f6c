package org.peerpulse.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * Sessions and their feedback for one agency, spread evenly over a window of days that ends yesterday,
 * in a fixed set of programs and specialists: so growing the number of events makes each day denser
 * but never adds rollups, which is exactly the case in which a dashboard must not get slower.
 */
final class SyntheticMonth {

    private static final FrameworkRef FRAMEWORK = new FrameworkRef(Frameworks.PEER_CORE_V1.id(),
            Frameworks.PEER_CORE_V1.version());
    private static final List<String> RATED = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .map(FrameworkItem::code)
            .toList();

    /** Share of sessions a participant answered (DESIGN.md's example dashboard: 10 of 12). */
    static final int ANSWERED_PERCENT = 85;
    /** Share of sessions voided after they were logged. */
    static final int VOIDED_PERCENT = 2;

    private final String agencyId;
    private final List<String> programs;
    private final List<String> specialists;
    private final LocalDate firstDay;
    private final int days;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final SplittableRandom random = new SplittableRandom(2026);
    /** Sessions made so far: their ids stay unique however often the same index and day come again. */
    private long issued;

    SyntheticMonth(String agencyId, int programs, int specialistsPerProgram, LocalDate lastDay, int days) {
        this.agencyId = agencyId;
        this.programs = names("bench-program-", programs);
        this.specialists = names("bench-sp-", programs * specialistsPerProgram);
        this.firstDay = lastDay.minusDays(days - 1L);
        this.days = days;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    String agencyId() {
        return agencyId;
    }

    String program(int index) {
        return programs.get(index);
    }

    String specialist(int index) {
        return specialists.get(index);
    }

    /**
     * The {@code index}-th session (cells and days in turn) and the feedback its participant gave; the session
     * issued an invitation, as one logged over HTTP does.
     */
    Pair session(long index) {
        int cell = (int) (index % specialists.size());
        return pair(index, cell, (int) ((index / specialists.size()) % days), true);
    }

    /**
     * The {@code index}-th session on day {@code day} of the window (the cells in turn by {@code index}) as real
     * use leaves it: {@link #ANSWERED_PERCENT} % of sessions are answered, {@link #VOIDED_PERCENT} % are voided
     * afterwards (whether answered or not), and an answered session that is voided has its answer withdrawn, as
     * feedback-service does. The events are in the order their services publish them: the void after the session
     * on the sessions topic, the withdrawal after the answer on the feedback topic.
     *
     * <p>The session is logged without an invitation ({@code invitation} null, which the contract allows), so its
     * {@link SessionLogged#contribution()} and the void built from it count no invitation. These are the bulk
     * backlogs' sessions (millions in a full run): their answers go straight onto the feedback topic and no
     * invitation of theirs is ever redeemed over HTTP, so an invitation would only make feedback-service store a
     * document per session, millions of them, in the document store the run measures.
     */
    RealUse realUse(long index, int day) {
        Pair pair = pair(index, (int) (index % specialists.size()), day, false);
        boolean answered = random.nextInt(100) < ANSWERED_PERCENT;
        boolean voided = random.nextInt(100) < VOIDED_PERCENT;
        SessionLogged logged = pair.logged();
        Instant voidedAt = logged.sessionAt().plusSeconds(2 * 3600);
        SessionVoided voiding = voided ? new SessionVoided(EventIds.newId(), voidedAt, agencyId, logged.sessionId(),
                logged.programId(), logged.specialistId(), logged.sessionAt(), logged.contribution()) : null;
        FeedbackWithdrawn withdrawal = voided && answered
                ? FeedbackWithdrawn.of(pair.answered(), FeedbackWithdrawn.SESSION_VOIDED, EventIds.newId(), voidedAt)
                : null;
        return new RealUse(logged, answered ? pair.answered() : null, voiding, withdrawal);
    }

    private Pair pair(long index, int cell, int day, boolean invited) {
        String program = programs.get(cell % programs.size());
        String specialist = specialists.get(cell);
        Instant sessionAt = firstDay.plusDays(day)
                .atTime(9 + random.nextInt(9), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        String sessionId = "bench-" + run + "-" + issued++;
        SessionLogged.InvitationIssued invitation = null;
        if (invited) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            invitation = new SessionLogged.InvitationIssued(HexFormat.of().formatHex(hash), sessionAt.plusSeconds(7 * 86_400));
        }
        SessionLogged logged = new SessionLogged(EventIds.newId(), sessionAt, agencyId, sessionId, program,
                specialist, sessionAt, 30 + random.nextInt(60),
                Channel.values()[random.nextInt(Channel.values().length)],
                random.nextInt(10) == 0 ? Activity.NON_PEER_TASK : Activity.PEER_SUPPORT,
                random.nextBoolean() ? List.of(FocusArea.RECOVERY_GOALS) : List.of(FocusArea.HOUSING),
                random.nextInt(3) != 0, List.of("KINDNESS"), FRAMEWORK, invitation, null);
        Map<String, Integer> ratings = new HashMap<>();
        int lean = cell % 3;
        for (String code : RATED) {
            ratings.put(code, Math.min(5, 2 + lean + random.nextInt(3)));
        }
        UUID feedbackId = EventIds.newId();
        FeedbackSubmitted answered = new FeedbackSubmitted(feedbackId, sessionAt.plusSeconds(3600), agencyId,
                sessionId, program, specialist, sessionAt, FRAMEWORK, ratings, 3 + random.nextInt(3),
                random.nextInt(2000) == 0, random.nextInt(4) == 0 ? "es" : "en",
                random.nextInt(5) == 0 ? "KIOSK" : "OWN_DEVICE", logged.valuesPracticed(), List.of());
        return new Pair(logged, answered);
    }

    int days() {
        return days;
    }

    int cells() {
        return specialists.size();
    }

    record Pair(SessionLogged logged, FeedbackSubmitted answered) {
    }

    /**
     * One session's events in real use; {@code answered}, {@code voided} and {@code withdrawn} are null when they
     * did not happen.
     */
    record RealUse(SessionLogged logged, FeedbackSubmitted answered, SessionVoided voided, FeedbackWithdrawn withdrawn) {

        List<PeerPulseEvent> events() {
            return java.util.stream.Stream.of(logged, answered, voided, withdrawn).filter(java.util.Objects::nonNull)
                    .map(PeerPulseEvent.class::cast).toList();
        }
    }

    private static List<String> names(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
