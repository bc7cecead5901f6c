package org.peerpulse.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the shared problem handling. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformProblemHandler.class, ProblemInstances.class})
public class WebConfiguration {
}
