/**
 * Benchmarks of a running PeerPulse stack, written as plain programs rather than tests: {@link
 * org.peerpulse.bench.BenchRun} ({@code ./peerpulse bench}) measures ingest, the pipeline's catch-up on a backlog,
 * freshness, dashboards, memory and CPU, each beside its limit (Kafka's own perf tools, a Kafka Streams peer, a
 * bare endpoint on the same platform) in the same run, because figures from a shared two-core machine are too
 * noisy to compare across runs; the ratios are what the targets judge. Events are loaded straight into Kafka with
 * the services' own codec and headers.
 */
package org.peerpulse.bench;
