/**
 * What every service's tests share, so that no service builds its own: which Kafka and MongoDB a
 * test JVM uses ({@link org.peerpulse.testsupport.TestBackends}: Testcontainers when a Docker engine
 * is there, embedded-infra's in-process broker and store on 127.0.0.1 otherwise), a JWT issuer whose
 * tokens the real resource server accepts ({@link org.peerpulse.testsupport.TestIssuer}), the wiring
 * of both into a Spring test context ({@link org.peerpulse.testsupport.PeerPulseIntegrationTest}) and
 * a probe that reads a topic without joining a consumer group
 * ({@link org.peerpulse.testsupport.TopicProbe}) and, for the real-browser tests, an axe-core check of
 * the page open in Chromium on a phone's and a laptop's screen ({@link org.peerpulse.testsupport.AxeCheck},
 * {@link org.peerpulse.testsupport.Viewport}), and the check that a service's OpenAPI document lists
 * exactly what its controllers serve ({@link org.peerpulse.testsupport.ApiDocument}). Services depend on it
 * in test scope only.
 */
package org.peerpulse.testsupport;
