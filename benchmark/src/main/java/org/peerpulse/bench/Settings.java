package org.peerpulse.bench;

/**
 * The sizes of one run. The full run is what the targets are judged on and fits in well under an hour on
 * two cores; {@code --quick} is a smoke run of every phase with small sizes, whose numbers mean little.
 *
 * @param perfRecords records for Kafka's ProducerPerformance and ConsumerPerformance
 * @param smallEvents stored events of the small dashboard tier
 * @param largeEvents stored events of the large dashboard tier
 * @param ingestClients concurrent clients of the closed HTTP loop
 * @param pipelineEvents at most this many events put on the topics for the sustained-load measurement
 * @param pipelineSeconds how long the pipeline is kept under load
 * @param freshnessSeconds how long the steady 1,000 events/s run lasts
 * @param queriesPerProbe timed requests per dashboard (three dashboards)
 */
record Settings(boolean quick, long perfRecords, long smallEvents, long largeEvents, int ingestClients,
        int ingestWarmUpSeconds, int ingestSeconds, long pipelineEvents, int pipelineSeconds, int freshnessEventsPerSec,
        int freshnessSeconds, int queriesPerProbe) {

    static Settings fullRun() {
        return new Settings(false, 2_000_000, 10_000, 10_000_000, 16, 15, 30, 2_000_000, 150, 1_000, 60, 300);
    }

    static Settings quickRun() {
        return new Settings(true, 200_000, 10_000, 200_000, 8, 5, 10, 200_000, 40, 1_000, 10, 100);
    }

    Settings withLargeEvents(long events) {
        return new Settings(quick, perfRecords, smallEvents, events, ingestClients, ingestWarmUpSeconds, ingestSeconds,
                pipelineEvents, pipelineSeconds, freshnessEventsPerSec, freshnessSeconds, queriesPerProbe);
    }

    Settings withPipelineEvents(long events) {
        return new Settings(quick, perfRecords, smallEvents, largeEvents, ingestClients, ingestWarmUpSeconds, ingestSeconds,
                events, pipelineSeconds, freshnessEventsPerSec, freshnessSeconds, queriesPerProbe);
    }
}
