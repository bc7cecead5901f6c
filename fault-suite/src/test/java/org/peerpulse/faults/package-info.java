/**
 * The fault-injection suite (issue 7, docs/fault-suite.md): session-service, feedback-service and
 * metrics-service run as real Spring Boot applications in this JVM, each in a class loader of its own over its
 * own artifact, on the embedded broker and store, and are driven over real HTTP with test tokens while one
 * fault at a time is injected: the broker or the store stopped, poison records, a consumer that crashes, stalls,
 * is stopped or gains a second instance, an outbox relay killed between the broker's ack and the clear. A {@link org.peerpulse.faults.Ledger} keeps every acknowledged and every
 * rejected write, and each scenario ends by asserting that the dashboards count every acknowledged session and
 * feedback exactly once and nothing rejected. Scenarios use agencies of their own, so they share the running
 * services without disturbing each other's numbers.
 */
package org.peerpulse.faults;
