/**
 * Benchmarks of a running PeerPulse stack, written as plain programs rather than tests: they load
 * realistic events straight into Kafka with the services' own codec and headers, wait until
 * metrics-service has applied them, and time what a quality lead waits for. Figures from a shared
 * two-core machine are noisy, so every run reports ratios measured side by side in that one run.
 */
package org.peerpulse.bench;
