package org.peerpulse.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadFeature;

/**
 * Registers the shared problem handling, down to the errors Tomcat answers before Spring sees a request, and
 * its description in the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
@Import({PlatformProblemHandler.class, ProblemInstances.class, ProblemDocumentation.class})
public class WebConfiguration {

    /**
     * A JSON body that names a field twice is refused as not valid JSON: which of the two values counts would
     * otherwise be the parser's choice, and two parts of a system may choose differently.
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    ProblemReportValveCustomizer problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    /**
     * Replaces Tomcat's error report valves (its own and the one Boot adds) with {@link ProblemReportValve}.
     * Runs after Boot's customizer, so the valve Boot added is there to remove.
     */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
