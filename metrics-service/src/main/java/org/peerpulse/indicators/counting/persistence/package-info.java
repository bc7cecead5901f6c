/**
 * The day rollups and the copy windows in MongoDB, and why applying a batch twice, in part, or
 * after a crash at any point never loses or doubles a count, with single-document atomicity only (no
 * transactions) and only operators the embedded store supports ({@code $inc}, {@code $max},
 * {@code $setOnInsert}, {@code $not}, {@code $gte}, {@code $in}).
 *
 * <p><b>Shapes.</b> {@code rollups}: one document per agency / program / specialist / day,
 * {@code _id = "agency|program|specialist|yyyy-MM-dd"}, only counters (sessions, invitations, minutes,
 * responses, per item and for hope a 1–5 distribution with its sum and count, harm reports, per item the forms that
 * asked it, and per collection mode the items' and hope's 1–5 distributions) plus
 * {@code watermarks.<topic~partition>}, so any range is a plain sum. {@code copy_windows}: one document per
 * partition and batch with the ids of the events that batch read for the first time and the offsets it
 * read them at (decision 0010).
 *
 * <p><b>One batch.</b> (1) The batch's first reads are stored, one write per partition. (2) Each touched
 * rollup gets one unordered-bulk upsert that {@code $inc}s the counters (signed: a void or a withdrawal
 * carries what it takes back) and {@code $max}es the watermark of the batch's partition, filtered on that
 * watermark not being at or above the lowest offset the change counts; where the rollup exists and the
 * filter fails, the upsert tries a second document with the same id and the store refuses it with E11000,
 * read as "some of this is in already": the watermarks of those rollups are read and the change is planned
 * again without what they cover.
 *
 * <p><b>Crash windows.</b> Killed before (1) or between (1) and (2): no rollup moved, no offset committed; the
 * redelivered batch finds its events in the stored window at the same offsets (a redelivery, not a copy)
 * and writes the rollups. Killed during (2): the documents written carry the watermark, the others do not;
 * the redelivery writes only the others. Killed after (2), before the offset commit: every watermark covers
 * the batch; nothing changes. The same event sent again at a new offset (an outbox relay that died between
 * the broker's acknowledgement and clearing its entry) is in the window with another offset and counts
 * nothing. This relies on records being keyed by agency, so one agency's events of a topic are in one
 * partition and in offset order; changing the partition count needs a watermark reset and a replay.
 */
package org.peerpulse.indicators.counting.persistence;
