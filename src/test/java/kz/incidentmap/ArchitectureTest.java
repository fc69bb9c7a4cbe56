package kz.incidentmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    void theWordsOfTheWindowAreALeaf() {
        // The bundles' wrapper is used by the window, the pages and the command line alike: it knows the
        // model's values it names and nothing else of the app.
        classes().that().resideInAPackage("..i18n..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("..i18n..", "..model..", "java..").check(classes);
    }

    @Test
    void onlyTheWindowThePagesAndTheCommandLineSpeakTheUsersLanguage() {
        noClasses().that().resideInAnyPackage("..store..", "..layers..", "..edit..", "..exchange..", "..osm..",
                "..model..", "..dedupe..").should().dependOnClassesThat().resideInAPackage("..i18n..").check(classes);
    }

    @Test
    void theServerStoreKnowsTheModelAndTheStoreOnly() {
        // The PostgreSQL record (store.pg) builds on the store's contract and the model; the command line
        // and the window's link to a server (sync) use it, the window itself only for an address and a
        // history entry, and the GeoPackage store never depends on it.
        classes().that().resideInAPackage("..store.pg..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("..store..", "..model..", "java..", "org.postgresql..").check(classes);
        noClasses().that().resideOutsideOfPackages("..store.pg..", "..cli..", "..sync..", "..view..").should()
                .dependOnClassesThat().resideInAPackage("..store.pg..").check(classes);
        noClasses().that().resideInAPackage("..view..").should().dependOnClassesThat().haveSimpleName("PgRecords")
                .orShould().dependOnClassesThat().haveSimpleName("PgChanges").check(classes);
    }

    @Test
    void theWindowsLinkToAServerKnowsTheStoresAndTheEditsOnly() {
        // A window's local copy of a server's record, kept in step with it: it builds on both stores, the
        // model and the edits, and only the window and the command line use it.
        classes().that().resideInAPackage("..sync..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("..sync..", "..store..", "..model..", "..edit..", "java..").check(classes);
        noClasses().that().resideOutsideOfPackages("..sync..", "..view..", "..cli..").should()
                .dependOnClassesThat().resideInAPackage("..sync..").check(classes);
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

    @Test
    void dataFlowsOneWayFromTheStoreThroughTheLayersAndTheRendererToTheView() {
        // store → layers → render → identify → view, as the README's architecture says; the command
        // line, the editing and the exchange formats use what they need, as they always have.
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("store").definedBy("..store..")
                .layer("layers").definedBy("..layers..")
                .layer("render").definedBy("..render..")
                .layer("filter").definedBy("..filter..")
                .layer("dedupe").definedBy("..dedupe..")
                .layer("timeline").definedBy("..timeline..")
                .layer("identify").definedBy("..identify..")
                .layer("view").definedBy("..view..")
                .layer("edit").definedBy("..edit..")
                .layer("exchange").definedBy("..exchange..")
                .layer("tools").definedBy("..tools..")
                .layer("redact").definedBy("..redact..")
                .layer("report").definedBy("..report..")
                .layer("cli").definedBy("..cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("view").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("identify").mayOnlyBeAccessedByLayers("view", "cli")
                .whereLayer("timeline").mayOnlyBeAccessedByLayers("view", "cli")
                .whereLayer("filter").mayOnlyBeAccessedByLayers("timeline", "report", "view", "cli")
                .whereLayer("dedupe").mayOnlyBeAccessedByLayers("edit", "view", "cli", "tools")
                .whereLayer("render").mayOnlyBeAccessedByLayers("identify", "timeline", "report", "view", "cli")
                .whereLayer("exchange").mayOnlyBeAccessedByLayers("view", "cli")
                .whereLayer("edit").mayOnlyBeAccessedByLayers("exchange", "view", "cli", "tools")
                .whereLayer("tools").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("redact").mayOnlyBeAccessedByLayers("exchange", "report", "view", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("view", "cli")
                .whereLayer("layers").mayOnlyBeAccessedByLayers("render", "filter", "timeline", "identify", "view", "edit", "exchange",
                        "tools", "redact", "report", "cli")
                .check(classes);
    }

    @Test
    void redactionIsAFunctionOfTheRecords() {
        // A profile applied knows the records and the gazetteer's cities, not where they are stored or
        // how they are drawn, so that every output (files, pictures, reports) can share one.
        noClasses().that().resideInAPackage("..redact..").should().dependOnClassesThat().resideInAnyPackage(
                "..store..", "..render..", "..exchange..", "..view..", "..cli..", "..filter..").check(classes);
    }

    @Test
    void theReportReadsWhatItIsGiven() {
        // The report is made of records, a map and copies handed to it: it neither opens the store nor
        // knows the window, the command line or the exchange formats.
        noClasses().that().resideInAPackage("..report..").should().dependOnClassesThat().resideInAnyPackage(
                "..view..", "..cli..", "..exchange..", "..edit..", "..identify..", "..timeline..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("kz.incidentmap.store.IncidentStore")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("kz.incidentmap.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCommandLineAndToolsWriteToTheErrorStream() {
        // Like stdout: Main hands both streams to the command line, which words every failure itself.
        noClasses().that().resideOutsideOfPackages("..cli..", "..tools..").and()
                .doNotHaveFullyQualifiedName(Main.class.getName()).should()
                .accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void theMapPartsKeepNoMutableStateInStaticFields() {
        // Caches and channels between frames and clicks belong to a window's RenderContext or
        // IdentifyService and preloads to the start-up that made them, passed explicitly: a static
        // one is shared by every window and test, and outlives them.
        fields().that().areStatic().and().areDeclaredInClassesThat()
                .resideInAnyPackage("..render..", "..layers..", "..identify..")
                .should(StaticFieldState.beImmutableConstants())
                .check(classes);
    }
}
