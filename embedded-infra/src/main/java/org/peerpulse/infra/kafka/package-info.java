/**
 * A real Kafka broker (Kafka's own KRaft server in combined broker+controller mode) started inside
 * the JVM that needs it, listening on 127.0.0.1 only: this machine has no Docker engine, and
 * spring-kafka's test broker listens on every interface. Tests get one broker per JVM through
 * test-support; the local stack runs {@link org.peerpulse.infra.kafka.KafkaBrokerMain} as its broker
 * process. The server classes are Kafka internals pinned to Spring Boot's {@code kafka.version}.
 */
package org.peerpulse.infra.kafka;
