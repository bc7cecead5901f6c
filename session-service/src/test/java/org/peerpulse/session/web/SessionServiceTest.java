package org.peerpulse.session.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;

/**
 * session-service on the shared test backends, with the same settings in every test class so that they share
 * one application context. The relay gives up waiting for the broker after a second (it never abandons a
 * send) and the producer waits at most two seconds for metadata, so an outage test stays quick.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PeerPulseIntegrationTest(properties = {
    "peerpulse.outbox.send-timeout=1s",
    "spring.kafka.producer.properties.max.block.ms=2000"
})
@interface SessionServiceTest {
}
