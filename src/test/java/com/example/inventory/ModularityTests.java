package com.example.inventory;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules, checked: features ({@code deduction}, {@code product}, …) sit on the stock core and on
 * {@code web}; arrows only point down, between modules and between the rooms of one; a repository is used only
 * by its own module; every package is
 * {@code @NullMarked}.
 */
class ModularityTests {

    private static final String BASE = "com.example.inventory";
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(InventoryApplication.class).verify();
    }

    @Test
    void modulesImportEachOtherInOneDirectionOnly() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    /**
     * A module's root package is its face: the types other modules use (and the service that wires its rooms
     * together), which the rooms implement and throw. The rooms themselves — its sub-packages — never import each
     * other in a circle, so each can be read from the bottom up.
     */
    @Test
    void theRoomsOfAModuleImportEachOtherInOneDirectionOnly() {
        for (String module : new String[] {"stock", "web"}) {
            slices().matching(BASE + "." + module + ".(**)").should().beFreeOfCycles()
                    .allowEmptyShould(false).check(MAIN_CLASSES);
        }
    }

    @Test
    void theStockCoreAndWebImportNoFeature() {
        noClasses().that().resideInAnyPackage(BASE + ".stock..", BASE + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".deduction..", BASE + ".product..",
                        BASE + ".reservation..")
                .check(MAIN_CLASSES);
        noClasses().that().resideInAPackage(BASE + ".web..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".stock..")
                .check(MAIN_CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInTheirOwnModule() {
        classes().should(useOnlyRepositoriesOfTheirOwnModule()).check(MAIN_CLASSES);
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(MAIN_CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() {
        assertThat(MAIN_CLASSES.stream().map(JavaClass::getPackage).distinct())
                .filteredOn(javaPackage -> !javaPackage.getName().equals(BASE))
                .isNotEmpty()
                .allSatisfy(javaPackage -> assertThat(javaPackage.isAnnotatedWith(NullMarked.class))
                        .as("%s is @NullMarked", javaPackage.getName()).isTrue());
    }

    private static ArchCondition<JavaClass> useOnlyRepositoriesOfTheirOwnModule() {
        return new ArchCondition<>("use only repositories of their own module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.isAssignableTo(Repository.class) && !target.getName().startsWith("org.springframework")
                            && !moduleOf(target).equals(moduleOf(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The top-level package under {@link #BASE}: {@code stock} for {@code com.example.inventory.stock.model}. */
    private static String moduleOf(JavaClass type) {
        String rest = type.getPackageName().substring(Math.min(type.getPackageName().length(), BASE.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
