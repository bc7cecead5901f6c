package org.peerpulse.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.AgencyScopedMongo;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.data.mongodb.core.MongoOperations;

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

    /** Tenant isolation is enforced in one place; raw store access is a declared, reviewed exception. */
    @ArchTest
    static final ArchRule noUnscopedStoreAccess = noClasses().that().areNotAnnotatedWith(AcrossAgencies.class)
            .should().dependOnClassesThat().areAssignableTo(MongoOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(MongoCollection.class)
            .orShould().dependOnClassesThat().areAssignableTo(MongoDatabase.class)
            .because("every query must go through TenantCollections.forAgency, which adds the agency itself");

    @ArchTest
    static final ArchRule repositoriesUseTheAgencyScope = classes().that().resideInAPackage("..session.persistence..")
            .and().haveSimpleNameStartingWith("Mongo")
            .should().dependOnClassesThat().belongToAnyOf(TenantCollections.class, AgencyScopedMongo.class);
}
