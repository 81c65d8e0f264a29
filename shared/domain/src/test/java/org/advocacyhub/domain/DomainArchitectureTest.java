package org.advocacyhub.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * Keeps the domain pure (style.md: "no AWS, no Micronaut"; rules are functions of their inputs,
 * including the time).
 */
@AnalyzeClasses(packages = "org.advocacyhub.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoFrameworks = noClasses()
            .that().resideInAPackage("org.advocacyhub.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta.inject..", "javax.inject..")
            .because("the domain is pure Java: AWS and Micronaut belong in adapters and handlers");

    @ArchTest
    static final ArchRule domainNeverReadsTheSystemClock = noClasses()
            .that().resideInAPackage("org.advocacyhub.domain..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("the time is always a parameter (an Instant or a java.time.Clock), so rules can be tested");
}
