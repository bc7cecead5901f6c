package org.peerpulse.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The env names of docs/infrastructure-security.md reach every Kafka client Boot builds, the default stays
 * PLAINTEXT, and the compose "hardened" profile uses them and publishes on 127.0.0.1 only. The compose file is
 * parsed, not run: there is no Docker engine on the build machine.
 */
class InfrastructureSecurityConfigTest {

    @Test
    void kafkaEnvNamesReachProducerConsumerAndAdmin() throws IOException {
        KafkaProperties kafka = bind(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "session-service",
                "KAFKA_SASL_PASSWORD", "s3cret"));

        for (Map<String, Object> client : List.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(),
                kafka.buildAdminProperties())) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                            + " required username=\"session-service\" password=\"s3cret\";");
        }
    }

    @Test
    void withoutEnvTheClientsStayPlaintext() throws IOException {
        assertThat(bind(Map.of()).buildProducerProperties()).containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hardenedComposeProfileUsesSaslSslSecretsAndLoopbackPorts() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> hardened = services.entrySet().stream()
                .filter(e -> List.of("hardened").equals(e.getValue().get("profiles"))).map(Map.Entry::getKey).toList();
        assertThat(hardened).contains("kafka-hardened", "mongo-hardened", "session-service-hardened",
                "feedback-service-hardened", "metrics-service-hardened");

        services.forEach((name, service) -> assertThat((List<String>) service.getOrDefault("ports", List.of()))
                .as(name).allMatch(port -> port.startsWith("127.0.0.1:")));

        for (String name : List.of("session-service-hardened", "feedback-service-hardened", "metrics-service-hardened")) {
            Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
            assertThat(env).as(name).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsKeys("KAFKA_SASL_USERNAME", "SPRING_MONGODB_USERNAME")
                    .doesNotContainKeys("KAFKA_SASL_PASSWORD", "SPRING_MONGODB_PASSWORD", "MONGODB_URI");
            assertThat(services.get(name).get("secrets").toString())
                    .contains("target=KAFKA_SASL_PASSWORD", "target=spring.mongodb.password");
        }
        Map<String, Object> kafkaEnv = (Map<String, Object>) services.get("kafka-hardened").get("environment");
        assertThat(kafkaEnv.get("KAFKA_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
        assertThat((List<String>) services.get("mongo-hardened").get("command")).contains("--auth");
        ((Map<String, Map<String, Object>>) compose.get("secrets")).values()
                .forEach(secret -> assertThat(secret.get("file").toString()).startsWith("deploy/tls/out/"));
    }

    private static KafkaProperties bind(Map<String, Object> env) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("env", env));
        new YamlPropertySourceLoader().load("platform", new ClassPathResource("peerpulse-platform.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    }
}
