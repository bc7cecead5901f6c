package org.peerpulse.indicators;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.peerpulse.testsupport.TenancyRules;

/** The package roles of STYLE.md, as code. */
@AnalyzeClasses(packages = "org.peerpulse.indicators", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.peerpulse.indicators";

    @ArchTest
    static final ArchRule roles = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy(ROOT + ".domain..")
            .layer("application").definedBy(ROOT + ".application..")
            .layer("web").definedBy(ROOT + ".web..")
            .layer("messaging").definedBy(ROOT + ".messaging..")
            .layer("persistence").definedBy(ROOT + ".persistence..")
            .layer("config").definedBy(ROOT + ".config..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "config");

    @ArchTest
    static final ArchRule domainIsPlainJavaOnTheContracts = classes()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.peerpulse.contracts..", ROOT + ".domain..");

    @ArchTest
    static final ArchRule useCasesKnowNeitherSpringNorTheWire = classes()
            .that().resideInAPackage(ROOT + ".application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.peerpulse.contracts..", ROOT + ".domain..", ROOT + ".application..");

    @ArchTest
    static final ArchRule mongoStaysInPersistence = classes()
            .that().resideOutsideOfPackages(ROOT + ".persistence..", ROOT + ".config..")
            .should().onlyDependOnClassesThat()
            .resideOutsideOfPackages("org.springframework.data..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule kafkaStaysInMessaging = classes()
            .that().resideOutsideOfPackage(ROOT + ".messaging..")
            .should().onlyDependOnClassesThat()
            .resideOutsideOfPackages("org.apache.kafka..", "org.springframework.kafka..",
                    "org.peerpulse.platform.messaging..");

    @ArchTest
    static final ArchRule noMetersInTheDomain = classes()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("io.micrometer..");

    /** Tenant isolation, the same rules in every service (raw store access only with @AcrossAgencies, which says why). */
    @ArchTest
    static final ArchTests tenancy = ArchTests.in(TenancyRules.class);
}
