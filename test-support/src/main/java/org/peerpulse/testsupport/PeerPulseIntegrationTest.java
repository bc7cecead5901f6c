package org.peerpulse.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full service on a random port, wired to the shared test broker, store and issuer by
 * {@link PeerPulseTestContext}. The application class is found as {@code @SpringBootTest} always
 * finds it (the nearest {@code @SpringBootConfiguration} up the test's package).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PeerPulseTestContext.class)
public @interface PeerPulseIntegrationTest {

    /** Extra properties for this test's context, as on {@code @SpringBootTest}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
