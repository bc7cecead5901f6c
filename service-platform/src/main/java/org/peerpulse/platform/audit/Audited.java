package org.peerpulse.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every call of a controller handler in the audit trail, as {@link #value()} (for example
 * {@code "dashboard.view"}), with the caller, the path ids, the allow-listed query parameters and the status.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** What was done, lower case and dotted: {@code dashboard.view}, {@code session.void}. */
    String value();
}
