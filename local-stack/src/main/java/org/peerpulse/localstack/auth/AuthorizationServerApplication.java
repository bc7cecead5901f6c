package org.peerpulse.localstack.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the demo authorization server. Its configuration file is {@code authorization-server.yml}, not
 * {@code application.yml}, so that it never picks up (or shadows) a service's configuration when jars
 * share a classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static final String CONFIG_NAME = "spring.config.name=authorization-server";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
