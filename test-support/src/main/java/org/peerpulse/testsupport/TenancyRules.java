package org.peerpulse.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Tenant isolation as architecture rules, the same for every service: its {@code ArchitectureTest} includes them
 * with {@code ArchTests.in(TenancyRules.class)}, over its own classes. The store is reached only through
 * {@code TenantCollections} (which adds the caller's agency to every query and checks every index leads with it);
 * raw access is allowed only in types that say why with {@code @AcrossAgencies}. Classes are named, not imported,
 * so the test kit does not depend on the platform it tests.
 */
public final class TenancyRules {

    private static final String TENANCY = "org.peerpulse.platform.tenancy.";

    @ArchTest
    static final ArchRule noUnscopedStoreAccess = noClasses().that().areNotAnnotatedWith(TENANCY + "AcrossAgencies")
            .should().dependOnClassesThat().areAssignableTo("org.springframework.data.mongodb.core.MongoOperations")
            .orShould().dependOnClassesThat().areAssignableTo("com.mongodb.client.MongoCollection")
            .orShould().dependOnClassesThat().areAssignableTo("com.mongodb.client.MongoDatabase")
            .because("every query must go through TenantCollections.forAgency, which adds the agency itself");

    @ArchTest
    static final ArchRule repositoriesUseTheAgencyScope = classes().that().resideInAPackage("..persistence..")
            .and().haveSimpleNameStartingWith("Mongo")
            .should().dependOnClassesThat().haveFullyQualifiedName(TENANCY + "TenantCollections")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(TENANCY + "AgencyScopedMongo");

    private TenancyRules() {
    }
}
