package io.minxin.notice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.minxin.notice.duty.DutyCheck;
import io.minxin.notice.duty.DutyLedger;
import io.minxin.notice.pushback.PushbackDetector;
import io.minxin.notice.targets.Target;
import io.minxin.notice.targets.TargetCheck;
import io.minxin.notice.units.UnitNames;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.minxin.notice");

    @Test
    void alertRulesArePlainJavaOverTheContract() {
        classes()
                .that()
                .belongToAnyOf(
                        PushbackDetector.class,
                        TargetCheck.class,
                        Target.class,
                        DutyCheck.class,
                        DutyLedger.class,
                        UnitNames.class)
                .or()
                .haveSimpleName("PushbackTexts")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.slf4j..", "io.minxin.events..", "io.minxin.notice..")
                .andShould()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.minxin.notice.mongo..", "io.minxin.notice.kafka..", "io.minxin.notice.web..")
                .check(SERVICE);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.minxin.notice.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
