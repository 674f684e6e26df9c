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
 * {@code web}; arrows only point down; a repository is used only by its own feature; every package is
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
    void noPackagesImportEachOther() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
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
    void repositoriesAreUsedOnlyInTheirOwnPackage() {
        classes().should(useOnlyRepositoriesOfTheirOwnPackage()).check(MAIN_CLASSES);
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

    private static ArchCondition<JavaClass> useOnlyRepositoriesOfTheirOwnPackage() {
        return new ArchCondition<>("use only repositories of their own package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.isAssignableTo(Repository.class) && !target.getName().startsWith("org.springframework")
                            && !target.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
