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
    KafkaPerf.Result kafka;
    IngestLoad.Result ingest;
    IngestLoad.Result bare;
    Pipeline.Result pipeline;
    Freshness.Result freshness;
    DashboardLatency.Result dashboardSmall;
    DashboardLatency.Result dashboardPipeline;
    DashboardLatency.Result dashboardLarge;
    Map<String, Double> rssMb = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();
}
