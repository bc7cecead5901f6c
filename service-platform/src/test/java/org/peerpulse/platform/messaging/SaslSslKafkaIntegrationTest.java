package org.peerpulse.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpulse.infra.kafka.KafkaBroker;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A broker on 127.0.0.1 with a SASL_SSL listener (SCRAM-SHA-512, a throwaway self-signed certificate made by
 * keytool at test time) beside its PLAINTEXT one, and clients built from the shared platform yml plus the
 * documented environment names: the right user gets through, a wrong password, PLAINTEXT on the SASL_SSL port
 * and a client that does not trust the certificate do not.
 */
class SaslSslKafkaIntegrationTest {

    private static final String PASSWORD = "test-only-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static KafkaBroker broker;

    private static String secureServers;

    private static Path truststore;

    @BeforeAll
    static void startSecureBroker() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        truststore = dir.resolve("trust.p12");
        Path cert = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", "changeit");

        int plain = freePort();
        int controller = freePort();
        int secure = freePort();
        secureServers = "127.0.0.1:" + secure;
        Map<String, String> overrides = new HashMap<>();
        overrides.put("listeners", "PLAINTEXT://127.0.0.1:" + plain + ",CONTROLLER://127.0.0.1:" + controller
                + ",SASL_SSL://127.0.0.1:" + secure);
        overrides.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_SSL://127.0.0.1:" + secure);
        overrides.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL");
        overrides.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        overrides.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        overrides.put("ssl.keystore.type", "PKCS12");
        overrides.put("ssl.keystore.location", keystore.toString());
        overrides.put("ssl.keystore.password", "changeit");
        overrides.put("ssl.key.password", "changeit");
        broker = KafkaBroker.start(new KafkaBroker.Settings(dir.resolve("kafka"), plain, controller, 1, overrides));

        // The SCRAM user is created over the internal PLAINTEXT listener (KRaft keeps it in the metadata log).
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("session-service",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void serviceClientsPublishAndConsumeOverSaslSsl() throws Exception {
        KafkaProperties kafka = clientProperties(PASSWORD, true, "SASL_SSL");
        String topic = "secure-" + UUID.randomUUID();
        try (var producerFactory = new ClosingProducerFactory(kafka)) {
            new KafkaTemplate<>(producerFactory.factory).send(new ProducerRecord<>(topic, "harbor", "{\"ok\":true}"))
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerProps = kafka.buildConsumerProperties();
        consumerProps.put("group.id", "secure-" + UUID.randomUUID());
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(consumerProps).createConsumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("{\"ok\":true}");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertRefused(clientProperties("not-the-password", true, "SASL_SSL"), SaslAuthenticationException.class);
    }

    @Test
    void plaintextToTheSaslSslPortIsRefused() {
        // The broker drops a connection that does not start a TLS handshake; the client only ever times out.
        assertRefused(clientProperties(PASSWORD, true, "PLAINTEXT"), TimeoutException.class);
    }

    @Test
    void clientNotTrustingTheCertificateIsRefused() {
        assertRefused(clientProperties(PASSWORD, false, "SASL_SSL"), SslAuthenticationException.class);
    }

    private static void assertRefused(KafkaProperties kafka, Class<? extends Exception> refusal) {
        Map<String, Object> admin = kafka.buildAdminProperties();
        admin.put("default.api.timeout.ms", 5000);
        admin.put("request.timeout.ms", 3000);
        try (Admin client = Admin.create(admin)) {
            assertThatThrownBy(() -> client.listTopics().names().get(10, TimeUnit.SECONDS))
                    .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(refusal), e -> assertThat(e).hasCauseInstanceOf(refusal));
        }
    }

    private static KafkaProperties clientProperties(String password, boolean trust, String protocol) {
        Map<String, Object> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", secureServers);
        env.put("KAFKA_SECURITY_PROTOCOL", protocol);
        env.put("KAFKA_SASL_USERNAME", "session-service");
        env.put("KAFKA_SASL_PASSWORD", password);
        if (trust) {
            env.put("spring.kafka.ssl.trust-store-location", "file:" + truststore);
            env.put("spring.kafka.ssl.trust-store-type", "PKCS12");
            env.put("spring.kafka.ssl.trust-store-password", "changeit");
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("env", env));
        try {
            new YamlPropertySourceLoader().load("platform", new ClassPathResource("peerpulse-platform.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        KafkaProperties kafka = Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
        kafka.getProperties().put("request.timeout.ms", "5000");
        return kafka;
    }

    private record ClosingProducerFactory(DefaultKafkaProducerFactory<String, String> factory) implements AutoCloseable {
        ClosingProducerFactory(KafkaProperties kafka) {
            this(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties()));
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
