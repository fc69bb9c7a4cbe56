package kz.incidentmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenStreetMap reader stays a reader: it knows the model, not the store, the map or the window. */
class OsmArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.incidentmap");
    }

    @Test
    void theOsmPackageDependsOnlyOnTheModel() {
        noClasses().that().resideInAPackage("..osm..").should().dependOnClassesThat().resideInAnyPackage(
                "..store..", "..layers..", "..render..", "..view..", "..cli..", "..identify..", "java.sql..",
                "javafx..").check(classes);
    }

    @Test
    void theStoreDoesNotReachIntoTheReader() {
        noClasses().that().resideInAPackage("..store..").should().dependOnClassesThat().resideInAPackage("..osm..")
                .check(classes);
    }
}
