package kz.incidentmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.geotools.api.feature.type.Name;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.filter.expression.Expression;
import org.geotools.styling.visitor.DuplicatingStyleVisitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the packages the parts of the architecture they are named after. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.incidentmap");
    }

    @Test
    void noJavaFxBelowTheView() {
        // Everything outside the view, a package added later included.
        noClasses().that().resideOutsideOfPackage("..view..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(classes);
    }

    @Test
    void noSqlOutsideTheStoreAndTheMapBuilder() {
        noClasses().that().resideOutsideOfPackages("..store..", "..tools..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.sqlite..").check(classes);
    }

    @Test
    void theViewDoesNotReachIntoTheCommandLine() {
        noClasses().that().resideInAnyPackage("..view..", "..render..", "..layers..").should().dependOnClassesThat()
                .resideInAnyPackage("..cli..", "picocli..").check(classes);
    }

    @Test
    void onlyTheCommandLineAndToolsPrint() {
        // Main hands the process's streams to the command line; nothing else may print.
        noClasses().that().resideOutsideOfPackages("..cli..", "..tools..").and()
                .doNotHaveFullyQualifiedName(Main.class.getName()).should()
                .accessField(System.class, "out").check(classes);
    }

    @Test
    void theOsmReaderKnowsTheModelOnly() {
        // The OpenStreetMap reader stays a reader: not the store, the map or the window.
        noClasses().that().resideInAPackage("..osm..").should().dependOnClassesThat().resideInAnyPackage(
                "..store..", "..layers..", "..render..", "..view..", "..cli..", "..identify..", "java.sql..",
                "javafx..").check(classes);
    }

    @Test
    void theStoreDoesNotReachIntoTheReader() {
        noClasses().that().resideInAPackage("..store..").should().dependOnClassesThat().resideInAPackage("..osm..")
                .check(classes);
    }

    @Test
    void stylesMakeTheirFunctionsDirectly() {
        // Asking GeoTools for a function by name loads its whole function registry, a quarter of a
        // second of a fresh JVM's start-up (see StyleFunctions): ECQL, CQL, FilterFactory.function and
        // a style copier with GeoTools' own filter copier all ask by name.
        // The one exception is a filter's --where expression (filter.WhereClause), which is ECQL by
        // design and only loaded when an expression is given.
        noClasses().that().doNotHaveFullyQualifiedName("kz.incidentmap.filter.WhereClause").should()
                .dependOnClassesThat().haveFullyQualifiedName("org.geotools.filter.text.ecql.ECQL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.geotools.filter.text.cql2.CQL")
                .orShould().callMethod(FilterFactory.class, "function", String.class, Expression[].class)
                .orShould().callMethod(FilterFactory.class, "function", Name.class, Expression[].class)
                .orShould().callConstructor(DuplicatingStyleVisitor.class)
                .check(classes);
    }
}
