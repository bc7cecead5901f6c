package org.peerpulse.feedback;

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

    /**
     * Tenant isolation is enforced in one place; raw store access is a declared, reviewed exception (here only
     * InvitationTokens: the participant's token is the capability).
     */
    @ArchTest
    static final ArchRule noUnscopedStoreAccess = noClasses().that().areNotAnnotatedWith(AcrossAgencies.class)
            .should().dependOnClassesThat().areAssignableTo(MongoOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(MongoCollection.class)
            .orShould().dependOnClassesThat().areAssignableTo(MongoDatabase.class)
            .because("every query must go through TenantCollections.forAgency, which adds the agency itself");

    @ArchTest
    static final ArchRule repositoriesUseTheAgencyScope = classes()
            .that().resideInAPackage("org.peerpulse.feedback.persistence..").and().haveSimpleNameStartingWith("Mongo")
            .should().dependOnClassesThat().belongToAnyOf(TenantCollections.class, AgencyScopedMongo.class);
}
