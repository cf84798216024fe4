package io.minxin.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain (fold, counting rules, query views) is plain Java: no Spring, Kafka, MongoDB or Reactor. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.minxin.metrics");

    @Test
    void domainDependsOnNoFrameworkOrInfrastructure() {
        noClasses()
                .that()
                .resideInAnyPackage("..metrics.casestate..", "..metrics.unitrates..", "..metrics.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "reactor..")
                .check(CLASSES);
    }

    @Test
    void webAdapterDoesNotReachIntoTheStreams() {
        noClasses()
                .that()
                .resideInAPackage("..metrics.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..metrics.stream..", "..metrics.codec..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void theCodecsKnowNothingOfTheTopology() {
        noClasses()
                .that()
                .resideInAPackage("..metrics.codec..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..metrics.stream..", "org.springframework..")
                .check(CLASSES);
    }
}
