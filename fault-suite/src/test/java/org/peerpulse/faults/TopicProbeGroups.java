package org.peerpulse.faults;

import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TopicProbe;

/** Waits for a consumer group to have read topics to their current end. */
final class TopicProbeGroups {

    private TopicProbeGroups() {
    }

    static void awaitCaughtUp(String group, String... topics) {
        TopicProbe.awaitCaughtUp(TestBackends.kafkaBootstrapServers(), group, Ledger.WAIT, topics);
    }
}
