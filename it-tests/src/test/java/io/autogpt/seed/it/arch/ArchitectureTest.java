package io.autogpt.seed.it.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal boundaries, checked on the product; and each rule shown able to fail on a fixture that breaks it,
 * so no rule passes by matching nothing.
 */
class ArchitectureTest {
    private static final String PRODUCT = "io.autogpt.seed";
    private static final String FIXTURE = "io.autogpt.seed.it.arch.fixture";

    private static final JavaClasses PRODUCT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages(PRODUCT);
    /**
     * The product and the tests of every module: the classpath's (it-tests' own, the core's test kit) and the other
     * modules' test classes, which this module does not depend on, read from their build directories.
     */
    private static final JavaClasses TREE_WITH_TESTS = new ClassFileImporter().importPaths(
            Stream.of("seed-core", "seed-jpa", "auth-client", "cli-adapter", "it-tests")
                    .flatMap(m -> Stream.of("classes", "test-classes").map(d -> Path.of("..", m, "target", d)))
                    .filter(Files::isDirectory).toList());
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("core imports no framework", HexagonalRules::coreImportsNoFramework, "LeakyRow"),
                rule("adapters use only the core API", HexagonalRules::nothingOutsideTheCoreUsesItsInternals,
                        "CommandThatMakesRows"),
                rule("tests use only the core API", HexagonalRules::nothingOutsideTheCoreUsesItsInternals,
                        "TestThatReachesIntoTheCore"),
                rule("persistence adapter stays out of other adapters", HexagonalRules::adaptersDoNotDependOnEachOther,
                        "WriterThatCallsTheCli"),
                rule("auth adapter stays out of other adapters", HexagonalRules::authDoesNotDependOnOtherAdapters,
                        "ClientThatWritesRows"),
                rule("retry policy is pure", HexagonalRules::retryPolicyIsPure, "PolicyThatSends"),
                rule("only the CLI wires persistence", HexagonalRules::onlyTheCliWiresPersistence, "ClientThatWritesRows"),
                rule("only the CLI wires auth", HexagonalRules::onlyTheCliWiresAuth, "LeakyRow"),
                rule("domain values are immutable", HexagonalRules::domainValuesAreImmutable, "MutableRow"),
                rule("rows are records", HexagonalRules::rowsAreRecords, "MutableRow"),
                rule("randomness comes from the seed", HexagonalRules::randomnessComesFromTheSeed, "LeakyRow"),
                rule("no SplittableRandom outside core.random", HexagonalRules::randomnessComesFromTheSeed,
                        "SplitRandomRow"),
                rule("nothing below the CLI prints", HexagonalRules::nothingBelowTheCliPrints, "WriterThatCallsTheCli"),
                rule("core features have no cycles", HexagonalRules::coreFeaturesHaveNoCycles, "MutableRow"));
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule, String breaker) {
        return Arguments.of(name, rule, breaker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productKeepsTheRule(String name, Function<String, ArchRule> rule, String breaker) {
        rule.apply(PRODUCT).check(PRODUCT_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleCatchesAFixtureThatBreaksIt(String name, Function<String, ArchRule> rule, String breaker) {
        assertThatThrownBy(() -> rule.apply(FIXTURE).check(FIXTURE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(breaker);
    }

    @Test
    void noModuleAndNoTestUsesWhatTheCoreDoesNotExport() {
        HexagonalRules.nothingOutsideTheCoreUsesItsInternals(PRODUCT).check(TREE_WITH_TESTS.that(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage(FIXTURE + "..")));
    }

    @Test
    void theImportWithTestsHoldsEveryModulesTests() {
        assertThat(TREE_WITH_TESTS.contain("io.autogpt.seed.auth.policy.RateLimitSimulation")).isTrue();
        assertThat(TREE_WITH_TESTS.contain("io.autogpt.seed.it.support.StandInGoTrue")).isTrue();
        assertThat(TREE_WITH_TESTS.contain("io.autogpt.seed.cli.InputEdgesTest")).isTrue();
        assertThat(TREE_WITH_TESTS.contain("io.autogpt.seed.jpa.CopyTextTest")).isTrue();
        assertThat(TREE_WITH_TESTS.containPackage(PRODUCT + ".jpa")).isTrue();
        assertThat(CoreModule.exports()).contains("plan", "run", "port").doesNotContain("generate", "random");
    }

    @Test
    void theProductImportIsNotEmpty() {
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".core.run")).isTrue();
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".jpa")).isTrue();
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".cli")).isTrue();
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".auth.policy")).isTrue();
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".auth.http")).isTrue();
        assertThat(PRODUCT_CLASSES.containPackage(PRODUCT + ".core.token")).isTrue();
    }
}
