package org.peerpulse.indicators.counting.persistence;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.ModeCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.SourcePartition;

/**
 * The Mongo shape of a day rollup, and the one update that adds a batch to it. Item codes are checked
 * upper-case words before they get here, so they are safe as field names (value codes a specialist practiced
 * too); topic names are encoded.
 */
final class RollupDocument {

    static final String COLLECTION = "rollups";
    /** One document per agency, {@code _id} = agency: how often a batch changed its rollups. */
    static final String VERSIONS = "rollup_versions";
    static final String VERSION = "version";

    static final String ID = "_id";
    static final String AGENCY = "agencyId";
    static final String PROGRAM = "programId";
    static final String SPECIALIST = "specialistId";
    static final String DAY = "day";
    static final String SESSIONS = "sessions";
    static final String INVITATIONS = "invitations";
    static final String MINUTES = "minutes";
    static final String PEER_MINUTES = "peerMinutes";
    static final String SESSIONS_WITH_STRENGTHS = "sessionsWithStrengths";
    static final String RECOVERY_FOCUS_SESSIONS = "recoveryFocusSessions";
    static final String RESPONSES = "responses";
    static final String ITEMS = "items";
    static final String HOPE = "hope";
    static final String HARM_REPORTS = "harmReports";
    static final String WATERMARKS = "watermarks";
    /** Per value code, sessions in which the specialist said they practiced it. */
    static final String PRACTICED_SESSIONS = "practicedSessions";
    /** Per value code, its rating tally in answers to sessions that practiced it. */
    static final String PRACTICED_ITEMS = "practicedItems";
    /** Per rated item code, how many forms asked it. */
    static final String ASKED = "asked";
    /**
     * Per collection mode ({@code modes.KIOSK}, {@code modes.OWN_DEVICE}), its {@code items.<code>} and {@code hope}
     * as answer counts {@code r1}..{@code r5} only: the derived count and sum that the totals carry for a reader of
     * the store are left out here, so a batch's update grows by five counters per item and mode, not seven.
     */
    static final String MODES = "modes";

    /** Fields of a rating tally: the derived count and sum, and how often each answer 1–5 was given. */
    static final String TALLY_RESPONSES = "responses";
    static final String TALLY_SUM = "sum";
    static final List<String> TALLY_ANSWERS = List.of("r1", "r2", "r3", "r4", "r5");

    private RollupDocument() {
    }

    /** {@code peerpulse.sessions.v1} partition 2 becomes {@code peerpulse%2Esessions%2Ev1~2}: no dots in a field name. */
    static String watermarkField(SourcePartition partition) {
        String topic = partition.topic().replace("%", "%25").replace(".", "%2E").replace("$", "%24")
                .replace("~", "%7E");
        return topic + "~" + partition.partition();
    }

    static SourcePartition partitionOf(String field) {
        int tilde = field.lastIndexOf('~');
        String topic = field.substring(0, tilde).replace("%7E", "~").replace("%24", "$").replace("%2E", ".")
                .replace("%25", "%");
        return new SourcePartition(topic, Integer.parseInt(field.substring(tilde + 1)));
    }

    /** The counters {@code counts} adds, as the fields of a {@code $inc}; counters it leaves alone are absent. */
    static Document increments(DayCounts counts) {
        Document inc = new Document();
        inc(inc, SESSIONS, counts.sessions());
        inc(inc, INVITATIONS, counts.invitations());
        inc(inc, MINUTES, counts.minutes());
        inc(inc, PEER_MINUTES, counts.peerMinutes());
        inc(inc, SESSIONS_WITH_STRENGTHS, counts.sessionsWithStrengths());
        inc(inc, RECOVERY_FOCUS_SESSIONS, counts.recoveryFocusSessions());
        inc(inc, RESPONSES, counts.responses());
        inc(inc, HARM_REPORTS, counts.harmReports());
        counts.itemsByCode().forEach((code, tally) -> addTally(inc, ITEMS + "." + code, tally));
        addTally(inc, HOPE, counts.hope());
        new TreeMap<>(counts.practicedSessions())
                .forEach((code, sessions) -> inc(inc, PRACTICED_SESSIONS + "." + code, sessions));
        new TreeMap<>(counts.practicedItems())
                .forEach((code, tally) -> addTally(inc, PRACTICED_ITEMS + "." + code, tally));
        new TreeMap<>(counts.asked()).forEach((code, forms) -> inc(inc, ASKED + "." + code, forms));
        for (CollectionMode mode : CollectionMode.values()) {
            ModeCounts ofMode = counts.mode(mode);
            String path = MODES + "." + mode.name() + ".";
            new TreeMap<>(ofMode.items()).forEach((code, tally) -> addAnswers(inc, path + ITEMS + "." + code, tally));
            addAnswers(inc, path + HOPE, ofMode.hope());
        }
        return inc;
    }

    /** Only how often each answer 1–5 was given: what a mode's tally keeps. */
    private static void addAnswers(Document inc, String path, RatingTally tally) {
        for (int rating = 1; rating <= 5; rating++) {
            inc(inc, path + "." + TALLY_ANSWERS.get(rating - 1), tally.count(rating));
        }
    }

    private static void addTally(Document inc, String path, RatingTally tally) {
        if (tally.isEmpty()) {
            return;
        }
        inc(inc, path + "." + TALLY_RESPONSES, tally.responses());
        inc(inc, path + "." + TALLY_SUM, tally.sum());
        for (int rating = 1; rating <= 5; rating++) {
            inc(inc, path + "." + TALLY_ANSWERS.get(rating - 1), tally.count(rating));
        }
    }

    private static void inc(Document inc, String field, long amount) {
        if (amount != 0) {
            inc.append(field, amount);
        }
    }

    /** The counters of a rollup, or of a fact's {@code counts} sub-document: the same field names. */
    static DayCounts counts(Document document) {
        Map<String, RatingTally> items = new HashMap<>();
        Document itemDocuments = document.get(ITEMS, Document.class);
        if (itemDocuments != null) {
            itemDocuments.forEach((code, tally) -> items.put(code, tally((Document) tally)));
        }
        Map<String, Long> practicedSessions = new HashMap<>();
        Document practicedDocument = document.get(PRACTICED_SESSIONS, Document.class);
        if (practicedDocument != null) {
            practicedDocument.keySet().forEach(code -> practicedSessions.put(code, number(practicedDocument, code)));
        }
        Map<String, RatingTally> practicedItems = new HashMap<>();
        Document practicedItemDocuments = document.get(PRACTICED_ITEMS, Document.class);
        if (practicedItemDocuments != null) {
            practicedItemDocuments.forEach((code, tally) -> practicedItems.put(code, tally((Document) tally)));
        }
        Map<String, Long> asked = new HashMap<>();
        Document askedDocument = document.get(ASKED, Document.class);
        if (askedDocument != null) {
            askedDocument.keySet().forEach(code -> asked.put(code, number(askedDocument, code)));
        }
        Map<CollectionMode, ModeCounts> modes = new EnumMap<>(CollectionMode.class);
        Document modeDocuments = document.get(MODES, Document.class);
        if (modeDocuments != null) {
            for (CollectionMode mode : CollectionMode.values()) {
                Document ofMode = modeDocuments.get(mode.name(), Document.class);
                if (ofMode != null) {
                    Map<String, RatingTally> modeItems = new HashMap<>();
                    Document modeItemDocuments = ofMode.get(ITEMS, Document.class);
                    if (modeItemDocuments != null) {
                        modeItemDocuments.forEach((code, tally) -> modeItems.put(code, tally((Document) tally)));
                    }
                    modes.put(mode, new ModeCounts(modeItems, tally(ofMode.get(HOPE, Document.class))));
                }
            }
        }
        return new DayCounts(
                number(document, SESSIONS),
                number(document, INVITATIONS),
                number(document, MINUTES),
                number(document, PEER_MINUTES),
                number(document, SESSIONS_WITH_STRENGTHS),
                number(document, RECOVERY_FOCUS_SESSIONS),
                number(document, RESPONSES),
                items,
                tally(document.get(HOPE, Document.class)),
                number(document, HARM_REPORTS),
                practicedSessions,
                practicedItems,
                asked,
                modes);
    }

    private static RatingTally tally(Document tally) {
        if (tally == null) {
            return RatingTally.NONE;
        }
        return new RatingTally(number(tally, "r1"), number(tally, "r2"), number(tally, "r3"), number(tally, "r4"),
                number(tally, "r5"));
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
