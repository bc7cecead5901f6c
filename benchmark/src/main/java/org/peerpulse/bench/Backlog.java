package org.peerpulse.bench;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * A backlog as real use leaves one while metrics-service is away: sessions with their answers, voids and
 * withdrawals ({@link SyntheticMonth#realUse}) of several agencies, in the order they happened, day by day over
 * the window, each day's sessions going round the agencies and their cells. Keyed by agency like every
 * PeerPulse record, so the agencies decide which partitions carry it.
 *
 * <p>Its sessions are logged without an invitation (see {@link SyntheticMonth#realUse}): their answers are put on the
 * feedback topic directly, so feedback-service reads them and stores nothing, and the rollups count no invitation
 * for them. Both bulk loads use it: the pipeline phase's backlog and the large dashboard tier's.
 */
final class Backlog {

    /** Events one session leaves on average: itself, its answer, its void and its answer's withdrawal. */
    static final double EVENTS_PER_SESSION = 1 + (SyntheticMonth.ANSWERED_PERCENT
            + SyntheticMonth.VOIDED_PERCENT * (1 + SyntheticMonth.ANSWERED_PERCENT / 100.0)) / 100.0;

    /**
     * What was put on the topics.
     *
     * @param logged sessions logged; {@code voided} of them were voided
     * @param answered answers given; {@code withdrawn} of them were withdrawn
     * @param invitations the invitations its sessions leave counting: those of sessions not voided (each session's
     *     {@link org.peerpulse.contracts.SessionLogged#contribution()} less each void's); 0, as they carry none
     */
    record Mix(long logged, long answered, long voided, long withdrawn, long invitations) {

        long events() {
            return logged + answered + voided + withdrawn;
        }

        /** Sessions and answers that still count once every void and withdrawal is applied. */
        long netCounted() {
            return logged - voided + answered - withdrawn;
        }

        long sessionTopicEvents() {
            return logged + voided;
        }

        long feedbackTopicEvents() {
            return answered + withdrawn;
        }
    }

    private final List<SyntheticMonth> months;

    Backlog(List<SyntheticMonth> months) {
        if (months.isEmpty() || months.stream().map(SyntheticMonth::days).distinct().count() != 1) {
            throw new IllegalArgumentException("agencies over one window of days");
        }
        this.months = List.copyOf(months);
    }

    /**
     * Puts at least {@code events} events on the topics (a session's events go together), spread evenly over the
     * window's days, and waits for the broker to take them all.
     *
     * @param sent told the number of events sent so far, every 100,000
     */
    Mix load(KafkaLoad load, long events, LongConsumer sent) {
        int days = months.get(0).days();
        long perAgencyPerDay = Math.max(1, (long) Math.ceil(events / EVENTS_PER_SESSION / days / months.size()));
        long logged = 0;
        long answered = 0;
        long voided = 0;
        long withdrawn = 0;
        long invitations = 0;
        long reported = 0;
        for (int day = 0; day < days; day++) {
            for (long n = 0; n < perAgencyPerDay; n++) {
                for (SyntheticMonth month : months) {
                    if (logged + answered + voided + withdrawn >= events) {
                        load.flush();
                        return new Mix(logged, answered, voided, withdrawn, invitations);
                    }
                    SyntheticMonth.RealUse session = month.realUse(n, day);
                    load.send(session);
                    logged++;
                    answered += session.answered() == null ? 0 : 1;
                    voided += session.voided() == null ? 0 : 1;
                    withdrawn += session.withdrawn() == null ? 0 : 1;
                    invitations += session.logged().contribution().invitations()
                            - (session.voided() == null ? 0 : session.voided().contributed().invitations());
                    long total = logged + answered + voided + withdrawn;
                    if (total - reported >= 100_000) {
                        reported = total;
                        sent.accept(total);
                    }
                }
            }
        }
        load.flush();
        return new Mix(logged, answered, voided, withdrawn, invitations);
    }
}
