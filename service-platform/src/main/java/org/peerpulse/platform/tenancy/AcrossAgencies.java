package org.peerpulse.platform.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that legitimately works across agencies (and so may use the unscoped door), with the reason
 * in words. The architecture rules allow raw Mongo access only inside this package and in types carrying
 * this annotation, so each exception is one grep away for a reviewer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcrossAgencies {

    /** Why this code is not scoped by a caller's agency (for example "the token is the capability"). */
    String value();
}
