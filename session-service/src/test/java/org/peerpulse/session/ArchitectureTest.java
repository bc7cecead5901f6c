package org.peerpulse.session;

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
@AnalyzeClasses(packages = "org.peerpulse.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rolesDependOnlyInward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("..session.domain..")
            .layer("application").definedBy("..session.application..")
            .layer("web").definedBy("..session.web..")
            .layer("messaging").definedBy("..session.messaging..")
            .layer("persistence").definedBy("..session.persistence..")
            .layer("config").definedBy("..session.config..")
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("web").mayOnlyBeAccessedByLayers("config")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("config")
            .whereLayer("messaging").mayOnlyBeAccessedByLayers("persistence", "config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "config")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "web", "messaging", "persistence",
                    "config");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAnyPackage("..session.domain..",
                    "..session.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml..", "org.peerpulse.platform..");

    @ArchTest
    static final ArchRule mongoShapeStaysInPersistence = noClasses().that().resideOutsideOfPackage(
                    "..session.persistence..")
            .and().resideOutsideOfPackage("..session.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..");

    @ArchTest
    static final ArchRule kafkaStaysInMessaging = noClasses().that().resideOutsideOfPackage("..session.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    /** Tenant isolation, the same rules in every service (raw store access only with @AcrossAgencies, which says why). */
    @ArchTest
    static final ArchTests tenancy = ArchTests.in(TenancyRules.class);
}
