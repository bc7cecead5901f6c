/**
 * The day rollups in MongoDB, collection {@code rollups}: one document per agency / program / specialist /
 * day, {@code _id = "agency|program|specialist|yyyy-MM-dd"}, holding only counters (sessions, minutes,
 * responses, a 1–5 distribution with sum and count per item and for hope, harm reports) so that any
 * range is a plain sum and the day is computed in Java in the agency's zone.
 *
 * <p>Why a watermark per document: a batch is written with at most one unordered-bulk upsert per document
 * that {@code $inc}s the counters and {@code $max}es {@code watermarks.<topic~partition>} to the batch's
 * highest offset, and whose filter requires that watermark to be still what was read (or absent). Events
 * at or below a document's watermark are dropped before writing, so a redelivered batch (a crash before
 * the offset commit, a rebalance, a reset group) changes nothing. This works because records are keyed
 * by agency, so one agency's events of a topic stay in one partition and in offset order; if another
 * writer moved the watermark first, the upsert fails with E11000 (or matches nothing) and that document
 * is re-read and recomputed. It needs single-document atomicity only, no transactions, and only
 * operators the embedded store supports ({@code $inc}, {@code $max}, {@code $setOnInsert}). Known gap:
 * a duplicate of an event published again at a new offset is not caught here; that needs facts keyed by
 * event id (a later issue).
 */
package org.peerpulse.indicators.persistence;
