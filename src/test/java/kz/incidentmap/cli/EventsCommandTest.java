package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.model.EventStops;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.EventRoutePainter;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events command: the seed's event and campaign listed and shown in order, changes, and errors that change nothing. */
class EventsCommandTest {

    private static final String SURVEILLANCE = "57f917c1-9a98-44bb-9d29-e9a0dfef389e";
    private static final String BLAST = "982063d9-8906-458e-8e2a-d7155d4e8d6f";
    private static final String ATYRAU = "5eeac029-1f9f-4941-8e24-3001ccb410a1";
    private static final String ALMATY = "1833d539-d3fa-459c-821b-552f47998a0f";

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void seedStore() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    @Test
    void listsAndShowsTheSeedsEventAndCampaign() {
        TestCli.Result list = TestCli.run("events", "--db", db);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("taraz-2011-11-12\tevent\tTaraz attack of 12 November 2011\t2011-11-12\t5 stops\tpart of wave-2011"),
                list.out());
        assertTrue(list.out().contains("wave-2011\tcampaign\t"), list.out());
        assertTrue(list.out().contains("2011-05-17 to 2011-11-19\t10 stops"), "nine incidents and the Taraz event: " + list.out());

        TestCli.Result show = TestCli.run("events", "show", "TARAZ ATTACK OF 12 NOVEMBER 2011", "--db", db);
        assertEquals(0, show.code(), show.err());
        String[] lines = show.out().strip().split("\n");
        assertEquals(6, lines.length, show.out());
        assertTrue(lines[1].startsWith("1. 2011-11-12 --:--\tTaraz: two surveillance officers killed"), lines[1]);
        assertTrue(lines[2].contains("Taraz: raid on a weapons store\tTaraz, a weapons store (schematic position)\t71.36450,42.89837 (city)"),
                lines[2]);
        assertTrue(lines[5].startsWith("5. 2011-11-12 --:--\tTaraz: blast by the central food market"), lines[5]);

        TestCli.Result wave = TestCli.run("events", "show", "wave-2011", "--db", db);
        assertTrue(wave.out().contains("10. 2011-11-19"), wave.out());
        assertTrue(wave.out().contains("9. 2011-11-12 --:--\tevent taraz-2011-11-12, first site: Taraz: two surveillance officers killed"),
                wave.out());
    }

    @Test
    void addMoveRemoveAndDelete() {
        TestCli.Result add = TestCli.run("events", "add", "autumn", "--title", "Autumn pair", "--parent", "wave-2011",
                "--member", ATYRAU + "@09:30", "--db", db);
        assertEquals(0, add.code(), add.err());
        assertEquals(0, TestCli.run("events", "add-member", "autumn", ALMATY, "--time", "7:05", "--at", "1", "--db", db).code());
        String show = TestCli.run("events", "show", "Autumn pair", "--db", db).out();
        assertTrue(show.indexOf("1. 2011-11-01 07:05\tTwo police officers killed in Almaty") > 0, show);
        assertTrue(show.indexOf("2. 2011-10-31 09:30\tTwo blasts in Atyrau") > 0, show);
        assertEquals(0, TestCli.run("events", "move-member", "autumn", ATYRAU, "--to", "1", "--db", db).code());
        show = TestCli.run("events", "show", "autumn", "--db", db).out();
        assertTrue(show.indexOf("Atyrau") < show.indexOf("Almaty"), show);
        assertEquals(0, TestCli.run("events", "move-member", "taraz-2011-11-12", BLAST, "--to", "1", "--db", db).code());
        show = TestCli.run("events", "show", "taraz-2011-11-12", "--db", db).out();
        assertTrue(show.contains("1. 2011-11-12 --:--\tTaraz: blast by the central food market"), show);
        assertEquals(0, TestCli.run("events", "remove-member", "autumn", ALMATY, "--db", db).code());
        assertEquals(0, TestCli.run("events", "delete", "autumn", "--db", db).code());
        String list = TestCli.run("events", "--db", db).out();
        assertTrue(!list.contains("autumn") && list.contains("taraz-2011-11-12"), list);
    }

    @Test
    void snapshotDrawsTheRouteFramedOnItAndRefusesWhatItCannotDraw() throws Exception {
        Path png = dir.resolve("taraz.png");
        TestCli.Result r = TestCli.run("snapshot", "--event", "taraz-2011-11-12", "--width", "800", "--height", "600",
                "--out", png.toString(), "--db", db);
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        // Framed on the route: the blast by the market (the last stop) is in the picture, drawn as a circle
        // of the route's colour where the view puts it.
        EventRoute route;
        try (IncidentStore store = IncidentStore.openForViewing(Path.of(db))) {
            List<IncidentEvent> all = store.events();
            IncidentEvent taraz = store.event("taraz-2011-11-12").orElseThrow();
            route = EventRoute.of(taraz, EventStops.of(taraz, all, store.incidentsOf(all)));
        }
        java.awt.geom.Point2D last = EventRoutePainter.circles(EventRoutes.viewport(route, 800, 600), route).get(4);
        java.awt.Color at = new java.awt.Color(img.getRGB((int) last.getX() - 6, (int) last.getY()));
        assertTrue(at.getRed() > 110 && at.getGreen() < 40 && at.getBlue() < 40, "circle 5: " + at);

        TestCli.Result unknown = TestCli.run("snapshot", "--event", "nothing", "--out", png.toString(), "--db", db);
        assertTrue(unknown.err().contains("--event nothing: " + db + " has no event with that key or title"), unknown.err());
        TestCli.Result step = TestCli.run("snapshot", "--event", "taraz-2011-11-12", "--step", "6", "--out", png.toString(), "--db", db);
        assertTrue(step.err().contains("--step 6: the event has stops 1..5"), step.err());
        TestCli.Result alone = TestCli.run("snapshot", "--step", "2", "--out", png.toString(), "--db", db);
        assertTrue(alone.err().contains("--step 2: needs --event"), alone.err());
        TestCli.Result redacted = TestCli.run("snapshot", "--event", "taraz-2011-11-12", "--redact", "city", "--out",
                png.toString(), "--db", db);
        assertTrue(redacted.err().contains("which --redact would not let out"), redacted.err());
    }

    @Test
    void aStoreExportedCarriesTheEventsOfItsIncidents() throws Exception {
        Path out = dir.resolve("taraz-only.gpkg");
        TestCli.Result r = TestCli.run("export", "--format", "gpkg", "--city", "Taraz", "--out", out.toString(), "--db", db);
        assertEquals(0, r.code(), r.err());
        try (IncidentStore store = IncidentStore.openForViewing(out)) {
            IncidentEvent taraz = store.event("taraz-2011-11-12").orElseThrow();
            assertEquals("Taraz attack of 12 November 2011", taraz.title(), "the event as the record has it");
            assertEquals(List.of(SURVEILLANCE, "b05e5615-2670-4641-916f-4d4d3a298303", "36077109-478c-4414-ac9c-173fc73eaf27",
                    "9d7776f9-574d-43f4-b095-6f79a01fbf01", BLAST),
                    taraz.members().stream().map(kz.incidentmap.model.EventMember::incidentId).toList());
            IncidentEvent wave = store.event("wave-2011").orElseThrow();
            assertEquals(List.of("a418d07b-0f69-470f-937f-e9d0db22fc97"),
                    wave.members().stream().map(kz.incidentmap.model.EventMember::incidentId).toList(),
                    "the campaign keeps the one incident of Taraz it has of its own");
            assertEquals("wave-2011", taraz.parentId());
        }
    }

    @Test
    void errorsNameWhatIsWrongAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(Path.of(db));
        TestCli.Result unknown = TestCli.run("events", "show", "no such event", "--db", db);
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("no such event: " + db + " has no event with that key or title"), unknown.err());

        TestCli.Result time = TestCli.run("events", "add-member", "taraz-2011-11-12", ATYRAU, "--time", "25:61", "--db", db);
        assertNotEquals(0, time.code());
        assertTrue(time.err().contains("--time: '25:61' is not a time of day"), time.err());

        TestCli.Result incident = TestCli.run("events", "add-member", "taraz-2011-11-12", "not-an-id", "--db", db);
        assertNotEquals(0, incident.code());
        assertTrue(incident.err().contains("has no incident with the id 'not-an-id'"), incident.err());

        TestCli.Result member = TestCli.run("events", "add", "x", "--title", "X", "--member", SURVEILLANCE, "--member", "nope@10:00",
                "--db", db);
        assertTrue(member.err().contains("has no incident with the id 'nope'"), member.err());

        TestCli.Result taken = TestCli.run("events", "add", "TARAZ-2011-11-12", "--title", "again", "--db", db);
        assertTrue(taken.err().contains("there is an event with that key already"), taken.err());

        TestCli.Result parent = TestCli.run("events", "add", "y", "--title", "Y", "--parent", "taraz-2011-11-12", "--db", db);
        assertTrue(parent.err().contains("'taraz-2011-11-12' is not a campaign of this store"), parent.err());

        TestCli.Result step = TestCli.run("events", "move-member", "taraz-2011-11-12", BLAST, "--to", "9", "--db", db);
        assertTrue(step.err().contains("step 9 is outside 1..5"), step.err());

        TestCli.Result notMember = TestCli.run("events", "move-member", "taraz-2011-11-12", ATYRAU, "--to", "1", "--db", db);
        assertTrue(notMember.err().contains("is not a member of 'taraz-2011-11-12'"), notMember.err());

        TestCli.Result twice = TestCli.run("events", "add-member", "taraz-2011-11-12", BLAST, "--db", db);
        assertTrue(twice.err().contains("is step 5 of 'taraz-2011-11-12' already"), twice.err());

        TestCli.Result date = TestCli.run("events", "add", "z", "--title", "Z", "--start", "2011-13-01", "--db", db);
        assertTrue(date.err().contains("--start: '2011-13-01' is not a date"), date.err());

        assertArrayEquals(before, Files.readAllBytes(Path.of(db)), "nothing was written");
    }
}
