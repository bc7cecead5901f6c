package org.peerpulse.indicators;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.peerpulse.testsupport.RoleRules;
import org.peerpulse.testsupport.TenancyRules;

/** STYLE.md's package roles and slices, and tenant isolation, as code: the same rule sets in every service. */
@AnalyzeClasses(packages = "org.peerpulse.indicators", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests roles = ArchTests.in(RoleRules.class);

    /** Raw store access only with @AcrossAgencies, which says why. */
    @ArchTest
    static final ArchTests tenancy = ArchTests.in(TenancyRules.class);
}
