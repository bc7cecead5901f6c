/**
 * The peer the pipeline is held against: a small Kafka Streams application, exactly-once v2, that reads both
 * topics, decodes each record into its contract event with the services' codec, and counts the same signed
 * increments by the same rollup key ({@code agency|program|specialist|day}) into a state store, as a team that
 * picked Kafka Streams instead of metrics-service would count. Run as its own JVM by the benchmark
 * ({@link org.peerpulse.bench.streams.RollupCountingApp}).
 */
package org.peerpulse.bench.streams;
