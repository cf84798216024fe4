package io.minxin.notice.bulletin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class BulletinArchitectureTest {

    private final JavaClasses bulletin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.minxin.notice.bulletin");

    @Test
    void bulletinIsPlainJavaAndPoiWithSpringOnlyInItsProperties() {
        classes()
                .that()
                .doNotHaveSimpleName("BulletinProperties")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "io.minxin.notice.bulletin..",
                        "org.apache.poi..",
                        "org.apache.xmlbeans..",
                        "org.openxmlformats..")
                .check(bulletin);
    }
}
