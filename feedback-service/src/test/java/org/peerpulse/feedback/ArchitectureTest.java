package org.peerpulse.feedback;

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
@AnalyzeClasses(packages = "org.peerpulse.feedback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule roles = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("org.peerpulse.feedback.domain..")
            .layer("application").definedBy("org.peerpulse.feedback.application..")
            .layer("web").definedBy("org.peerpulse.feedback.web..")
            .layer("messaging").definedBy("org.peerpulse.feedback.messaging..")
            .layer("persistence").definedBy("org.peerpulse.feedback.persistence..")
            .layer("config").definedBy("org.peerpulse.feedback.config..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "config");

    @ArchTest
    static final ArchRule domainIsPlainJavaOnTheContracts = classes()
            .that().resideInAPackage("org.peerpulse.feedback.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.peerpulse.contracts..", "org.peerpulse.feedback.domain..");

    @ArchTest
    static final ArchRule useCasesKnowNeitherSpringNorTheWire = classes()
            .that().resideInAPackage("org.peerpulse.feedback.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.peerpulse.contracts..", "org.peerpulse.feedback.domain..",
                    "org.peerpulse.feedback.application..");

    @ArchTest
    static final ArchRule mongoStaysInPersistence = classes()
            .that().resideOutsideOfPackages("org.peerpulse.feedback.persistence..", "org.peerpulse.feedback.config..")
            .should().onlyDependOnClassesThat()
            .resideOutsideOfPackages("org.springframework.data..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule kafkaStaysInMessaging = classes()
            .that().resideOutsideOfPackage("org.peerpulse.feedback.messaging..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.apache.kafka..",
                    "org.springframework.kafka..");

    /** Tenant isolation, the same rules in every service (raw store access only with @AcrossAgencies, which says why). */
    @ArchTest
    static final ArchTests tenancy = ArchTests.in(TenancyRules.class);
}
