package org.peerpulse.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * One service as it runs in production (its own main class, application.yml and the platform's defaults), in
 * this JVM on a free 127.0.0.1 port, pointed at the shared embedded broker and store and the test issuer. A
 * scenario may add configuration classes of its own (a test-only interceptor, say); they are the only thing that
 * differs from the real service.
 */
final class RunningService implements AutoCloseable {

    private final Service service;
    private final ConfigurableApplicationContext context;
    private final String database;
    private final String group;
    private final String bootstrapServers;

    private RunningService(Service service, ConfigurableApplicationContext context, String database, String group,
            String bootstrapServers) {
        this.service = service;
        this.context = context;
        this.database = database;
        this.group = group;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts {@code service} on database {@code database} of the shared store and, for a consumer, consumer group
     * {@code group} ({@code null} for session-service), with {@code properties} over the service's own (a
     * scenario may point {@code spring.kafka.bootstrap-servers} at a cluster of its own).
     */
    static RunningService start(Service service, String database, String group, Map<String, String> properties,
            Class<?>... extraConfiguration) {
        TestIssuer issuer = TestIssuer.shared();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.jmx.enabled", "false");
        settings.put("spring.kafka.bootstrap-servers", TestBackends.kafkaBootstrapServers());
        settings.put("spring.mongodb.uri", TestBackends.mongoUri(database));
        settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri());
        // Outboxes relay promptly, so a scenario's writes reach the topics within a poll or two.
        settings.put("peerpulse.outbox.poll-interval", "50ms");
        // While the broker is down a send gives up after 5 s (not Kafka's 60 s) and the outbox tries again, so
        // an outage scenario sees the relay resume within seconds of the broker's return.
        settings.put("spring.kafka.producer.properties.max.block.ms", "5000");
        settings.put("peerpulse.outbox.send-timeout", "5s");
        if (group != null) {
            settings.put("spring.kafka.consumer.group-id", group);
        }
        settings.putAll(properties);
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));

        ServiceClassLoader loader = service.loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            List<Class<?>> sources = new ArrayList<>();
            Class<?> main = loader.loadClass(service.mainClass());
            sources.add(main);
            sources.addAll(List.of(extraConfiguration));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                    .main(main)
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .run(args.toArray(String[]::new));
            return new RunningService(service, context, database, group,
                    settings.get("spring.kafka.bootstrap-servers"));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(service.artifact() + " has no " + service.mainClass(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    Service service() {
        return service;
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    String database() {
        return database;
    }

    /** The Kafka it talks to: the shared broker unless the scenario pointed it elsewhere. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The consumer group, or {@code null} for a service that consumes nothing. */
    String group() {
        return group;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A listener container by its id ({@code indicators-sessions}, {@code indicators-feedback}, ...). */
    MessageListenerContainer listener(String id) {
        MessageListenerContainer container = bean(KafkaListenerEndpointRegistry.class).getListenerContainer(id);
        if (container == null) {
            throw new IllegalArgumentException(service.artifact() + " has no listener " + id + "; it has "
                    + bean(KafkaListenerEndpointRegistry.class).getListenerContainerIds());
        }
        return container;
    }

    boolean isRunning() {
        return context.isActive();
    }

    /** Closes the context as SIGTERM's shutdown hook would (listeners finish their batch, Tomcat drains). */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
