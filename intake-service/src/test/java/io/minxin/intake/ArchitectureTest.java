package io.minxin.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.minxin.intake");

    @Test
    void readingAndCheckingBodiesIsPlainJava() {
        noClasses()
                .that()
                .haveSimpleNameStartingWith("EventBatchReader")
                .or()
                .haveSimpleName("IntakeBatch")
                .or()
                .haveSimpleName("EventLabels")
                .or()
                .haveSimpleName("BatchFormat")
                .or()
                .haveSimpleName("PayloadTooLargeException")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.micrometer..", "reactor..")
                .check(CLASSES);
    }

    @Test
    void theWebSideKnowsOnlyThePublisherPortNotKafka() {
        noClasses()
                .that()
                .resideInAPackage("io.minxin.intake.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("KafkaEventPublisher")
                .check(CLASSES);
    }

    @Test
    void publishingDoesNotDependOnTheWebSide() {
        noClasses()
                .that()
                .resideInAPackage("io.minxin.intake.publish..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.minxin.intake.events..")
                .check(CLASSES);
    }

    @Test
    void nothingWritesToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }
}
