package org.peerpulse.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run measured so far; a phase that failed leaves its part null and says why in {@link #errors}. */
final class Findings {

    Settings settings;
    String startedAt;
    double seconds;
    boolean stackStartedHere;
    String store;
    String loadAverageBefore;
    String loadAverageAfter;
    KafkaPerf.ProducerResult kafkaProducer;
    IngestLoad.Result ingest;
    IngestLoad.Result bare;
    CatchUpPhase.Result pipeline;
    Freshness.Result freshness;
    AnswerFreshness.Result answers;
    HarmWebhookLatency.Result harmWebhooks;
    DashboardLatency.Result dashboardSmall;
    DashboardLatency.Result dashboardPipeline;
    DashboardLatency.Result dashboardLarge;
    /** How the large tier was filled: events loaded, how long metrics-service took to apply them. */
    Map<String, Object> largeTier;
    Map<String, Double> rssMb = new LinkedHashMap<>();
    /**
     * The document store's resident memory once the run is over (DESIGN.md: after a full run): after the large tier,
     * once every consumer that writes to the store has read the topics; null when the large tier did not complete.
     */
    Double storeRssMbAfterRun;
    /** The store once the run is over: its resident size (given even without the large tier), what it holds, the wait. */
    Map<String, Object> storeAfterRun;
    /** CPU seconds per phase (or step of one) per process. */
    Map<String, Map<String, Double>> cpuSeconds = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();
}
