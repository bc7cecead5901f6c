package org.peerpulse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own perf tools at Boot's kafka-clients version (kafka-tools), each a child JVM on the stack's broker:
 * {@code ProducerPerformance} on a fresh topic with as many partitions as ours, payloads that are our own events'
 * JSON (so the same record sizes) and the producer settings our loader uses; and {@code ConsumerPerformance} on the
 * pipeline's backlog itself, one per topic at the same time (metrics-service reads the two topics with one consumer
 * each), each from a group whose offsets were set to the backlog's first record.
 */
final class KafkaPerf {

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final String bootstrap;
    private final String classpath;
    private final Path workDir;
    private final ProcessCpu cpu;

    KafkaPerf(String bootstrap, String classpath, Path workDir, ProcessCpu cpu) {
        this.bootstrap = bootstrap;
        this.classpath = classpath;
        this.workDir = workDir;
        this.cpu = cpu;
    }

    /** @param producerRecordsPerSec ProducerPerformance's records/sec over the whole run */
    record ProducerResult(long records, double meanRecordBytes, String producerProps, double producerRecordsPerSec,
            String output) {
    }

    /**
     * ConsumerPerformance on the backlog, both topics at once.
     *
     * @param recordsPerSec all records ÷ the time from the first consumer's first fetch (its start plus its group
     *     join) to the last one's end: the tool's {@code fetch.nMsg.sec}, for the two together
     * @param withJoinRecordsPerSec the same from the first one's start, group joins included (its {@code nMsg.sec})
     */
    record ConsumerResult(long records, double seconds, double recordsPerSec, double withJoinRecordsPerSec,
            List<TopicRun> topics) {
    }

    /** One topic's ConsumerPerformance: its own {@code fetch.nMsg.sec}, and its last lines. */
    record TopicRun(String topic, long records, double fetchRecordsPerSec, long startMs, long joinMs, long endMs,
            String output) {
    }

    ProducerResult produce(long records, int partitions, List<String> payloads, Progress progress) throws Exception {
        String topic = "peerpulse.bench-perf-" + Long.toString(System.currentTimeMillis(), 36);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Path payloadFile = workDir.resolve("perf-payloads.txt");
        Files.write(payloadFile, payloads, StandardCharsets.UTF_8);
        double meanBytes = payloads.stream().mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        String props = String.join(" ", KafkaLoad.BULK_PRODUCER_PROPS);
        try {
            progress.say("ProducerPerformance: %,d records of our events' JSON (mean %.0f B), %s", records, meanBytes, props);
            List<String> producer = new ArrayList<>(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                    "--num-records", Long.toString(records), "--throughput", "-1", "--payload-file", payloadFile.toString(),
                    "--producer-props", "bootstrap.servers=" + bootstrap));
            producer.addAll(KafkaLoad.BULK_PRODUCER_PROPS);
            String produced = runTool("kafka-producer-perf", producer, progress);
            String lastRate = null;
            for (Matcher m = PRODUCED.matcher(produced); m.find();) {
                lastRate = m.group(2);
            }
            if (lastRate == null) {
                throw new IllegalStateException("ProducerPerformance printed no summary: " + tail(produced));
            }
            double producerRate = Double.parseDouble(lastRate);
            progress.say("  producer: %,.0f records/s", producerRate);
            return new ProducerResult(records, meanBytes, props, producerRate, tail(produced));
        }
        finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                progress.say("  (could not delete %s: %s)", topic, e.getMessage());
            }
        }
    }

    /**
     * ConsumerPerformance on each topic's part of the backlog, both at once.
     *
     * @param groups per topic, a group whose committed offsets are the backlog's first records
     * @param records per topic, the backlog's records on it
     */
    ConsumerResult consume(Map<String, String> groups, Map<String, Long> records, Progress progress) throws Exception {
        List<java.util.concurrent.CompletableFuture<TopicRun>> runs = new ArrayList<>();
        for (Map.Entry<String, String> group : groups.entrySet()) {
            String topic = group.getKey();
            long count = records.get(topic);
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    String out = runTool("kafka-consumer-perf", List.of("org.apache.kafka.tools.ConsumerPerformance",
                            "--bootstrap-server", bootstrap, "--topic", topic, "--messages", Long.toString(count),
                            "--timeout", "60000", "--group", group.getValue()), progress);
                    return topicRun(topic, out);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }));
        }
        List<TopicRun> done = new ArrayList<>();
        for (var run : runs) {
            done.add(run.get(15, TimeUnit.MINUTES));
        }
        long total = done.stream().mapToLong(TopicRun::records).sum();
        long firstFetch = done.stream().mapToLong(run -> run.startMs() + run.joinMs()).min().orElseThrow();
        long firstStart = done.stream().mapToLong(TopicRun::startMs).min().orElseThrow();
        long lastEnd = done.stream().mapToLong(TopicRun::endMs).max().orElseThrow();
        double seconds = (lastEnd - firstFetch) / 1000.0;
        ConsumerResult result = new ConsumerResult(total, seconds, total / seconds, total / ((lastEnd - firstStart) / 1000.0),
                done);
        progress.say("  ConsumerPerformance: %,d records in %.2f s while fetching, %,.0f records/s (%,.0f with the group joins)",
                total, seconds, result.recordsPerSec(), result.withJoinRecordsPerSec());
        return result;
    }

    /** The CSV header and line ConsumerPerformance prints. */
    private static TopicRun topicRun(String topic, String output) throws java.text.ParseException {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("nMsg.sec")) {
                List<String> header = List.of(lines[i].split(",\\s*"));
                String[] values = lines[i + 1].split(",\\s*");
                java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss:SSS");
                return new TopicRun(topic, Long.parseLong(values[header.indexOf("data.consumed.in.nMsg")].trim()),
                        Double.parseDouble(values[header.indexOf("fetch.nMsg.sec")].trim()),
                        format.parse(values[header.indexOf("start.time")].trim()).getTime(),
                        Long.parseLong(values[header.indexOf("rebalance.time.ms")].trim()),
                        format.parse(values[header.indexOf("end.time")].trim()).getTime(), tail(output));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary: " + tail(output));
    }

    private String runTool(String name, List<String> mainAndArgs, Progress progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlogback.configurationFile=bench-logback.xml", "-cp", classpath));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        cpu.track(name, process.pid());
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                output.append(line).append('\n');
                if (line.contains("records sent")) {
                    progress.say("    %s", line.strip());
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(mainAndArgs.get(0) + " failed: " + tail(output.toString()));
        }
        return output.toString();
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\\R");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 4), lines.length));
    }
}
