package io.twofakit.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of the server as {@code docs/architecture.md} draws them, held by the build: the domain knows no
 * HTTP, no SQL and no configuration; resources reach the data only through services; and no two packages need each
 * other, so each area of the domain can be read, tested and changed on its own.
 */
class LayersTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.twofakit.server");

    @Test
    void theDomainKnowsNoHttpNoSqlAndNoConfiguration() {
        noClasses().that().resideInAPackage("io.twofakit.server.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.twofakit.server.http..", "io.twofakit.server.store..", "io.twofakit.server.config..",
                        "io.twofakit.api..", "io.twofakit.ext..",
                        "jakarta.ws.rs..", "com.fasterxml.jackson..", "org.jdbi..", "java.sql..", "javax.sql..",
                        "org.glassfish..")
                .check(SERVER);
    }

    @Test
    void resourcesReachTheDataOnlyThroughServices() {
        noClasses().that().resideInAPackage("io.twofakit.server.http..")
                .should().dependOnClassesThat().resideInAPackage("io.twofakit.server.store..")
                .check(SERVER);
    }

    @Test
    void storesAnswerToTheDomainNotToHttp() {
        noClasses().that().resideInAPackage("io.twofakit.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.twofakit.server.http..", "jakarta.ws.rs..")
                .check(SERVER);
    }

    @Test
    void noTwoAreasOfTheDomainNeedEachOther() {
        slices().matching("io.twofakit.server.domain.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void noTwoPackagesOfTheServerNeedEachOther() {
        slices().matching("io.twofakit.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }
}
