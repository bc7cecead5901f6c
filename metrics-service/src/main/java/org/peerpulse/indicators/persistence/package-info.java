/**
 * The facts and the day rollups in MongoDB, and why applying a batch twice, in part, or after a crash at
 * any point never loses or doubles a count, with single-document atomicity only (no transactions) and
 * only operators the embedded store supports ({@code $inc}, {@code $max}, {@code $setOnInsert},
 * {@code $set}, {@code $addToSet}/{@code $each}, {@code $exists}, {@code $in}).
 *
 * <p><b>Shapes.</b> {@code rollups}: one document per agency / program / specialist / day,
 * {@code _id = "agency|program|specialist|yyyy-MM-dd"}, only counters (sessions, invitations, minutes,
 * responses, per item and for hope a 1–5 distribution with its sum and count, harm reports) plus
 * {@code watermarks.<topic~partition>}, so any range is a plain sum. {@code session_facts}:
 * {@code _id = "agency|sessionId"}, {@code logged} (event id, position read at, program, specialist,
 * day, {@code counts} it added, {@code counted}), {@code voided} (event id, position) and
 * {@code feedback} (ids of the feedback counted for it). {@code feedback_facts}: {@code _id = eventId},
 * agency, session id, position, program, specialist, day and {@code counts}. Counts use the rollup's
 * field names; positions are {@code {topic, partition, offset}}.
 *
 * <p><b>One batch in three steps.</b> (1) Facts: a session stream batch sets {@code logged} and
 * {@code voided} only where absent (filter {@code null}, which matches an absent field), so the first logged
 * event and the first void win; a feedback stream batch inserts each feedback fact if absent ({@code $setOnInsert}
 * upsert by event id) and only then {@code $addToSet}s its id on the session, filtered on the session not
 * being voided. These are upserts whose guard, where the record exists but the guard fails, makes
 * the store refuse with E11000, read as "already set" (after one repeat, in case it was two writers
 * creating the record at once). That guard on {@code voided} is the one point where the two streams
 * meet: whichever of the void and the claim comes first on that one document, they agree — a feedback
 * counts exactly when its id is listed, and the void takes out exactly the listed ones; after a void the
 * list never changes. (2) Decide: the
 * facts are read back and every event's change is derived from them alone: the recorded event at its
 * recorded position adds its counts, a void takes out its session's and its listed feedback's counts in
 * the rollups they went to, and anything else (a copy at a new offset, a second void, feedback for a
 * voided session) changes nothing. (3) Rollups: the changes are summed per document in memory, each
 * document gets one unordered-bulk upsert that {@code $inc}s the counters and {@code $max}es the watermark
 * of the batch's partition, filtered on that watermark still being what was read; changes at or below
 * it are dropped first. A writer that lost a race (E11000 or no match) re-reads and recomputes.
 *
 * <p><b>Crash windows.</b> Killed during or after (1), before (3): the facts are there, no rollup moved,
 * no offset committed; the redelivered batch writes no new facts and, because (2) depends only on stored
 * facts and the record's own position, decides the same changes, which (3) then writes. Killed during
 * (3): the documents written carry the watermark, the others do not; the redelivery writes only the
 * others. Killed after (3), before the offset commit: every watermark covers the batch; nothing changes.
 * The same event sent again at a new offset (an outbox relay retry) finds its fact with another position
 * and counts nothing. Across streams there is one visible window: a feedback listed on its session whose
 * rollup write has not happened yet (in flight, or its consumer died), when the void of that session is
 * applied meanwhile, leaves that rollup one response low until the feedback's batch is (re)delivered and
 * puts it in; the net is exact, which is why counts are signed. Why watermarks and not an applied-marker
 * per event in the rollup: the rollup stays the size of a day, and the facts already carry event ids.
 * This relies on records being keyed by agency, so one agency's events of a topic are in one partition
 * and in offset order; changing the partition count needs a watermark reset and a replay.
 */
package org.peerpulse.indicators.persistence;
