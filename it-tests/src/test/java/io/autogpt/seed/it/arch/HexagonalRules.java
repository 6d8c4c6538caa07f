package io.autogpt.seed.it.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules, each a function of the root package so the same rule runs against the product
 * ({@code io.autogpt.seed}) and against a fixture that breaks it ({@code io.autogpt.seed.it.arch.fixture}).
 */
final class HexagonalRules {
    /** Feature packages of the core that hold rows, enums and factories. */
    private static final String[] DOMAIN = {"user", "agent", "execution", "store", "credit", "integration",
            "analytics", "table", "json", "plan", "port", "run", "token", "chat", "notification", "oauth", "search",
            "vector", "workspace", "alert", "activity", "cost", "bot"};

    private HexagonalRules() {
    }

    /** An allowlist: a library nobody thought of cannot slip into the core the way it would past a denylist. */
    static ArchRule coreImportsNoFramework(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideOutsideOfPackages(root + ".core..", "java.lang..", "java.util..",
                        "java.time..", "java.math..", "java.nio.charset..", "java.security..", "java.io..", "net.datafaker..",
                        "org.jspecify..",
                        // The JDK's own AES and HMAC: the platform's Fernet encryption of credentials, no library.
                        "javax.crypto..")
                .because("seed-core is pure: factories and ports that any service can embed without our adapters");
    }

    /**
     * Everything outside the core — the adapters and every module's tests — sees the core as an embedder does: through
     * the packages its {@code module-info} exports, on the classpath too, where no module system stops anyone.
     */
    static ArchRule nothingOutsideTheCoreUsesItsInternals(String root) {
        String core = root + ".core";
        // The core's test kit (seed-core's test-jar: the store contract every port implementation runs, the failing
        // transaction) is published for the other modules' tests; it is no part of the module, so no export names it.
        String[] exported = java.util.stream.Stream.concat(CoreModule.exports().stream(), java.util.stream.Stream.of(
                CoreModule.TEST_KIT)).map(p -> core + "." + p).toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(core + "..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(core + "..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(exported)))
                        .as("reside in a package of the core that module-info does not export"))
                .because("module-info exports the core's API; the rest (generate, random) may change under anyone "
                        + "who reaches in, and a classpath user would never know");
    }

    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return noClasses().that().resideInAPackage(root + ".jpa..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".auth..", root + ".cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(root + ".auth..", root + ".cli..")
                .because("adapters meet only through the core's ports");
    }

    static ArchRule authDoesNotDependOnOtherAdapters(String root) {
        return noClasses().that().resideInAPackage(root + ".auth..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".jpa..", root + ".cli..")
                .because("adapters meet only through the core's ports");
    }

    static ArchRule retryPolicyIsPure(String root) {
        return noClasses().that().resideInAPackage(root + ".auth.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..", "com.fasterxml.jackson..",
                        "java.net.http..", "com.nimbusds..", root + ".auth.http..")
                .because("retry, backoff and pacing decide; they never send or parse, so they are testable as tables");
    }

    static ArchRule onlyTheCliWiresPersistence(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".jpa..", root + ".cli..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".jpa..")
                .because("cli-adapter is the one composition root");
    }

    static ArchRule onlyTheCliWiresAuth(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".auth..", root + ".cli..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".auth..")
                .because("cli-adapter is the one composition root");
    }

    static ArchRule domainValuesAreImmutable(String root) {
        String[] packages = new String[DOMAIN.length];
        for (int i = 0; i < DOMAIN.length; i++) {
            packages[i] = root + ".core." + DOMAIN[i] + "..";
        }
        return fields().that().areDeclaredInClassesThat().resideInAnyPackage(packages)
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("Builder")
                .should().beFinal()
                .because("rows, plans and factories are values or stateless: a shared mutable field breaks determinism"
                        + " (a profile's Builder is the one mutable helper, used once by its caller and never shared)");
    }

    static ArchRule rowsAreRecords(String root) {
        return classes().that().resideInAPackage(root + ".core..").and().haveSimpleNameNotEndingWith("Factory")
                .and().containAnyFieldsThat(com.tngtech.archunit.base.DescribedPredicate.describe("a TABLE field",
                        f -> f.getName().equals("TABLE") && f.getModifiers().contains(
                                com.tngtech.archunit.core.domain.JavaModifier.STATIC)))
                .should().beRecords()
                .because("a row is an immutable record named after its table");
    }

    /**
     * One exception, named: the request executor's retry jitter is a {@code SplittableRandom} seeded from its
     * settings' jitter seed (deterministic, and the auth adapter may not use the core's unexported {@code random}).
     */
    private static final String SEEDED_LOGIN_JITTER = ".auth.exec.RequestExecutor";

    static ArchRule randomnessComesFromTheSeed(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".core.random..")
                .and().resideInAPackage(root + "..")
                .and().doNotHaveFullyQualifiedName(root + SEEDED_LOGIN_JITTER)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("every value derives from the run's seed; core.random is the one place randomness is made");
    }

    static ArchRule nothingBelowTheCliPrints(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".cli..").and().resideInAPackage(root + "..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("below the CLI we log through SLF4J; the CLI prints through picocli's writers");
    }

    static ArchRule coreFeaturesHaveNoCycles(String root) {
        return slices().matching(root + ".core.(*)..").should().beFreeOfCycles();
    }
}
