package org.peerpulse.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package roles of STYLE.md as one rule set, the same for every service: its {@code ArchitectureTest}
 * includes them with {@code ArchTests.in(RoleRules.class)}, over its own classes. A role is a package named
 * {@code domain}, {@code application}, {@code web}, {@code messaging}, {@code persistence} or {@code config},
 * directly under the service's root or under a feature slice of it ({@code org.peerpulse.indicators.counting.domain}).
 *
 * <ul>
 * <li>Dependencies point inward: the adapters ({@code web}, {@code messaging}, {@code persistence}) never call
 * each other, only {@code config} wires them, and the use cases are reached only from the adapters and
 * {@code config}.</li>
 * <li>The domain is plain Java on the contracts; the use cases know neither Spring nor the wire.</li>
 * <li>MongoDB stays in {@code persistence} (and {@code config}), Kafka in {@code messaging}, meters out of the
 * domain and the use cases.</li>
 * <li>The second level under {@code org.peerpulse} (a service's roles, or its feature slices) has no cycle.</li>
 * </ul>
 */
public final class RoleRules {

    private static final String DOMAIN = "..domain..";
    private static final String APPLICATION = "..application..";
    private static final String WEB = "..web..";
    private static final String MESSAGING = "..messaging..";
    private static final String PERSISTENCE = "..persistence..";
    private static final String CONFIG = "..config..";

    @ArchTest
    static final ArchRule dependenciesPointInward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy(DOMAIN)
            .layer("application").definedBy(APPLICATION)
            .layer("web").definedBy(WEB)
            .layer("messaging").definedBy(MESSAGING)
            .layer("persistence").definedBy(PERSISTENCE)
            .layer("config").definedBy(CONFIG)
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("web").mayOnlyBeAccessedByLayers("config")
            .whereLayer("messaging").mayOnlyBeAccessedByLayers("config")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "config")
            .allowEmptyShould(true)
            .because("adapters translate between the world and the use cases, and never call one another");

    @ArchTest
    static final ArchRule domainIsPlainJavaOnTheContracts = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "org.peerpulse.contracts..", DOMAIN)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule useCasesKnowNeitherSpringNorTheWire = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "org.peerpulse.contracts..", DOMAIN, APPLICATION)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule mongoStaysInPersistence = noClasses().that().resideOutsideOfPackages(PERSISTENCE, CONFIG)
            .and().resideInAPackage("org.peerpulse..")
            .and().resideOutsideOfPackage("org.peerpulse.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.bson..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule kafkaStaysInMessaging = noClasses().that().resideOutsideOfPackage(MESSAGING)
            .and().resideInAPackage("org.peerpulse..")
            .and().resideOutsideOfPackage("org.peerpulse.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.peerpulse.platform.messaging..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noMetersInTheDomain = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule slicesHaveNoCycle = slices().matching("org.peerpulse.(*).(*)..").namingSlices("$2 of $1")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    private RoleRules() {
    }
}
