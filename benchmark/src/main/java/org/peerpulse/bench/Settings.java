package org.peerpulse.bench;

/**
 * The sizes of one run. The full run is what the targets are judged on; {@code --quick} is a smoke run of every
 * phase with small sizes, whose numbers mean little.
 *
 * @param perfRecords records for Kafka's ProducerPerformance
 * @param smallEvents stored events of the small dashboard tier
 * @param largeEvents events through the real pipeline for the large dashboard tier
 * @param ingestClients concurrent clients of the closed HTTP loop
 * @param backlogEvents events of the pipeline phase's backlog
 * @param backlogAgencies at least this many agencies in the backlog (and every partition carries some)
 * @param freshnessEventsPerSec the steady produce → visible run's rate
 * @param freshnessSeconds how long it lasts
 * @param answersPerSec the participants' answers per second of the end-to-end run
 * @param answerSeconds how long it lasts (after a warm-up)
 * @param dashboardClients concurrent dashboard clients
 * @param dashboardRounds rounds of the three dashboard requests per client
 */
record Settings(boolean quick, long perfRecords, long smallEvents, long largeEvents, int ingestClients,
        int ingestWarmUpSeconds, int ingestSeconds, long backlogEvents, int backlogAgencies, int freshnessEventsPerSec,
        int freshnessSeconds, int answersPerSec, int answerSeconds, int dashboardClients, int dashboardRounds) {

    static Settings fullRun() {
        return new Settings(false, 2_000_000, 10_000, 10_000_000, 16, 15, 30, 2_000_000, 12, 1_000, 60, 100, 60, 16, 200);
    }

    static Settings quickRun() {
        return new Settings(true, 200_000, 10_000, 400_000, 8, 5, 10, 200_000, 12, 1_000, 10, 100, 15, 16, 40);
    }

    Settings withLargeEvents(long events) {
        return new Settings(quick, perfRecords, smallEvents, events, ingestClients, ingestWarmUpSeconds, ingestSeconds,
                backlogEvents, backlogAgencies, freshnessEventsPerSec, freshnessSeconds, answersPerSec, answerSeconds,
                dashboardClients, dashboardRounds);
    }

    Settings withBacklogEvents(long events) {
        return new Settings(quick, perfRecords, smallEvents, largeEvents, ingestClients, ingestWarmUpSeconds, ingestSeconds,
                events, backlogAgencies, freshnessEventsPerSec, freshnessSeconds, answersPerSec, answerSeconds,
                dashboardClients, dashboardRounds);
    }
}
