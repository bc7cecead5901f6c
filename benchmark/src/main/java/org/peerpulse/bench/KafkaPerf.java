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
 * The limit the pipeline is held against: Kafka's own {@code ProducerPerformance} and
 * {@code ConsumerPerformance} (kafka-tools at Boot's kafka-clients version), each in a child JVM on the
 * stack's broker, on a topic with as many partitions as ours, with payloads that are our own events' JSON
 * (so the same record sizes) and the producer settings our loader uses.
 */
final class KafkaPerf {

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final String bootstrap;
    private final String classpath;
    private final Path workDir;

    KafkaPerf(String bootstrap, String classpath, Path workDir) {
        this.bootstrap = bootstrap;
        this.classpath = classpath;
        this.workDir = workDir;
    }

    /**
     * @param producerRecordsPerSec ProducerPerformance's records/sec over the whole run
     * @param consumerRecordsPerSec ConsumerPerformance's {@code fetch.nMsg.sec}: records over the fetch time,
     *     without the group join, as the pipeline's rate is taken once it consumes
     * @param consumerWithJoinRecordsPerSec its {@code nMsg.sec}, including the join
     */
    record Result(long records, double meanRecordBytes, String producerProps, double producerRecordsPerSec,
            double consumerRecordsPerSec, double consumerWithJoinRecordsPerSec, String producerOutput,
            String consumerOutput) {
    }

    Result run(long records, int partitions, List<String> payloads, Progress progress) throws Exception {
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
            String produced = runTool(producer, progress);
            String lastRate = null;
            for (Matcher m = PRODUCED.matcher(produced); m.find();) {
                lastRate = m.group(2);
            }
            if (lastRate == null) {
                throw new IllegalStateException("ProducerPerformance printed no summary: " + tail(produced));
            }
            double producerRate = Double.parseDouble(lastRate);
            progress.say("  producer: %,.0f records/s", producerRate);

            progress.say("ConsumerPerformance: %,d records from the same topic", records);
            String consumed = runTool(List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                    "--topic", topic, "--messages", Long.toString(records), "--timeout", "60000",
                    "--group", "bench-perf-" + System.nanoTime()), progress);
            double[] consumer = consumerRates(consumed);
            progress.say("  consumer: %,.0f records/s while fetching (%,.0f including the group join)", consumer[0], consumer[1]);
            return new Result(records, meanBytes, props, producerRate, consumer[0], consumer[1], tail(produced), tail(consumed));
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

    /** {@code fetch.nMsg.sec} and {@code nMsg.sec} from the CSV header and line ConsumerPerformance prints. */
    private static double[] consumerRates(String output) {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("nMsg.sec")) {
                List<String> header = List.of(lines[i].split(",\\s*"));
                String[] values = lines[i + 1].split(",\\s*");
                return new double[] { Double.parseDouble(values[header.indexOf("fetch.nMsg.sec")].trim()),
                        Double.parseDouble(values[header.indexOf("nMsg.sec")].trim()) };
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary: " + tail(output));
    }

    private String runTool(List<String> mainAndArgs, Progress progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlogback.configurationFile=bench-logback.xml", "-cp", classpath));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
