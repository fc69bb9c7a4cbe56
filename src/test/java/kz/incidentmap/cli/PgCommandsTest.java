package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.pg.ScratchServer;
import kz.incidentmap.store.pg.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** init, copy, incidents and export with --db postgresql://… as a user types them. */
@ExtendWith(ScratchServer.class)
class PgCommandsTest {

    @Test
    void aRecordGoesToTheServerIsListedExportedAndComesBack(ScratchServer.Server server, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("record.gpkg");
        IncidentStore.createIfMissing(file, Path.of("data", "incidents.json"));
        String db = server.newDatabase(true).uri();
        TestCli.Result saved = TestCli.run("views", "save", "Explosions", "--db", file.toString(), "--type", "explosion");
        assertEquals(0, saved.code(), saved.err());

        TestCli.Result init = TestCli.run("init", "--db", db);
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("Created an empty incident record (schema version 3)"), init.out());

        TestCli.Result copy = TestCli.run("copy", "--from", file.toString(), "--to", db);
        assertEquals(0, copy.code(), copy.err());
        assertTrue(copy.out().startsWith("Copied ") && copy.out().contains(" 2 events, 0 kept copies of sources,"),
                copy.out());

        TestCli.Result again = TestCli.run("copy", "--from", file.toString(), "--to", db);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already holds a record"), again.err());

        TestCli.Result fromFile = TestCli.run("incidents", "--db", file.toString(), "--format", "csv");
        TestCli.Result fromServer = TestCli.run("incidents", "--db", db, "--format", "csv");
        assertEquals(0, fromServer.code(), fromServer.err());
        assertEquals(fromFile.out(), fromServer.out());

        TestCli.Result explosions = TestCli.run("incidents", "--db", db, "--type", "explosion", "--format", "csv");
        assertEquals(TestCli.run("incidents", "--db", file.toString(), "--type", "explosion", "--format", "csv").out(),
                explosions.out());

        Path csv = dir.resolve("out.csv");
        TestCli.Result export = TestCli.run("export", "--db", db, "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.size(csv) > 0);

        TestCli.Result noView = TestCli.run("export", "--db", db, "--view", "nowhere", "--out",
                dir.resolve("v.csv").toString());
        assertEquals(2, noView.code());
        assertTrue(noView.err().contains("has no view of that name (it has: Explosions)"), noView.err());
        Path viewFromServer = dir.resolve("view-server.csv");
        Path viewFromFile = dir.resolve("view-file.csv");
        assertEquals(0, TestCli.run("export", "--db", db, "--view", "explosions", "--out", viewFromServer.toString()).code());
        assertEquals(0, TestCli.run("export", "--db", file.toString(), "--view", "Explosions", "--out",
                viewFromFile.toString()).code());
        assertEquals(Files.readString(viewFromFile), Files.readString(viewFromServer));
        assertTrue(Files.readAllLines(viewFromServer).size() > 1, "the view chooses some incidents");

        Path back = dir.resolve("back.gpkg");
        TestCli.Result home = TestCli.run("copy", "--from", db, "--to", back.toString());
        assertEquals(0, home.code(), home.err());
        assertEquals(fromFile.out(), TestCli.run("incidents", "--db", back.toString(), "--format", "csv").out());
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithWhereItGoes() {
        TestCli.Result r = TestCli.run("incidents", "--db", "postgresql://ana:hunter2@127.0.0.1:5432/record");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("~/.pgpass") && r.err().contains("PGPASSWORD"), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    @Test
    void aCommandThatWorksOnFilesOnlySaysSoInsteadOfUsingTheDefaultStore(ScratchServer.Server server) {
        ServerAddress at = server.newDatabase(true);
        TestCli.Result r = TestCli.run("views", "--db", at.uri());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("works on a GeoPackage file only so far"), r.err());
    }

    @Test
    void historyListsTheVersionsOfAnIncidentAndRestoresAnEarlierOne(ScratchServer.Server server, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("record.gpkg");
        IncidentStore.createIfMissing(file, Path.of("data", "incidents.json"));
        String id;
        try (IncidentStore store = IncidentStore.openForViewing(file)) {
            id = store.all().get(0).id();
        }
        String db = server.newDatabase(true).uri();
        assertEquals(0, TestCli.run("copy", "--from", file.toString(), "--to", db).code());

        TestCli.Result first = TestCli.run("history", "--db", db, id);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains(": 1 version\n"), first.out());
        assertTrue(first.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains("insert") && l.endsWith("postgres")),
                first.out());

        TestCli.Result restored = TestCli.run("history", "--db", db, id, "--restore", "1");
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().startsWith("Restored version 1 of incident " + id + " as version 2"), restored.out());
        assertTrue(restored.out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("update")), restored.out());

        TestCli.Result none = TestCli.run("history", "--db", db, id, "--restore", "7");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("has no such version"), none.err());
        TestCli.Result unknown = TestCli.run("history", "--db", db, "no-such-id");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no incident no-such-id has ever been there"), unknown.err());
        TestCli.Result onFile = TestCli.run("history", "--db", file.toString(), id);
        assertEquals(2, onFile.code());
        assertTrue(onFile.err().contains("needs a record on a server"), onFile.err());
    }
}
