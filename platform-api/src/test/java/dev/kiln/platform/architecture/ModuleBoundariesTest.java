package dev.kiln.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The module and package boundaries of ARCHITECTURE.md, checked on the compiled classes. */
class ModuleBoundariesTest {

  static final JavaClasses KILN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.kiln");

  static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("dev.kiln.archfixture");

  /** No class may use another package's {@code internal} sub-package. */
  static final ArchRule NO_REACHING_INTO_INTERNALS =
      ArchRuleDefinition.classes()
          .should(
              new ArchCondition<JavaClass>("only use internal packages of their own package") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  item.getDirectDependenciesFromSelf().stream()
                      .filter(d -> d.getTargetClass().getPackageName().contains(".internal"))
                      .filter(
                          d -> !owns(item.getPackageName(), d.getTargetClass().getPackageName()))
                      .forEach(
                          d -> events.add(SimpleConditionEvent.violated(item, d.getDescription())));
                }
              })
          .allowEmptyShould(true);

  static boolean owns(String user, String internalPackage) {
    String owner = internalPackage.substring(0, internalPackage.indexOf(".internal"));
    return user.equals(owner) || user.startsWith(owner + ".");
  }

  @Test
  void noPackageReachesIntoAnothersInternals() {
    NO_REACHING_INTO_INTERNALS.check(KILN);
  }

  @Test
  void theInternalsRuleCatchesAnIntruder() {
    assertThat(FIXTURES.contain("dev.kiln.archfixture.b.Intruder")).isTrue();
    var result = NO_REACHING_INTO_INTERNALS.evaluate(FIXTURES);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Intruder"))
        .noneMatch(d -> d.contains("Front"));
  }

  @Test
  void nothingDependsOnThePlatform() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.kiln.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.kiln.platform..")
        .check(KILN);
  }

  @Test
  void theSandboxRunnerDependsOnThePluginApiAtMost() {
    noClasses()
        .that()
        .resideInAPackage("dev.kiln.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.kiln.billing..", "dev.kiln.export..", "dev.kiln.studio..", "dev.kiln.admin..")
        .check(KILN);
  }

  @Test
  void thePluginApiStandsAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.kiln.plugin.api..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are Kiln classes outside the plugin API or Spring classes",
                (JavaClass c) ->
                    (c.getPackageName().startsWith("dev.kiln.")
                            && !c.getPackageName().startsWith("dev.kiln.plugin.api"))
                        || c.getPackageName().startsWith("org.springframework")))
        .check(KILN);
  }

  @Test
  void featurePackagesOfThePlatformAreFreeOfCycles() {
    slices().matching("dev.kiln.platform.(*)..").should().beFreeOfCycles().check(KILN);
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    for (JavaPackage pkg : KILN.getPackage("dev.kiln").getSubpackagesInTree()) {
      if (!pkg.getClasses().isEmpty()) {
        assertThat(
                pkg.getClasses().stream().anyMatch(c -> c.getSimpleName().equals("package-info")))
            .as("package-info.java in %s", pkg.getName())
            .isTrue();
      }
    }
  }
}
