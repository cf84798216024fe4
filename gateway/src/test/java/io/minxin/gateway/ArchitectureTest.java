package io.minxin.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.minxin.gateway");

    @Test
    void permissionTableIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("io.minxin.gateway.access..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..")
                .check(GATEWAY);
    }

    @Test
    void keyFormatAndCacheAreFreeOfFrameworks() {
        noClasses()
                .that()
                .haveSimpleName("KeyToken")
                .or()
                .haveSimpleName("KeyCache")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..")
                .check(GATEWAY);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.minxin.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }
}
