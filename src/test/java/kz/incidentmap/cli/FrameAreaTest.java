package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The place options of the commands that draw a frame: checked once, made into one viewport or area. */
class FrameAreaTest {

    private static final Gazetteer CITIES = new Gazetteer(List.of(
            new Gazetteer.Place("Taraz", "Тараз", 71.36667, 42.9, 358_153),
            new Gazetteer.Place("Almaty", "Алматы", 76.92861, 43.25667, 2_000_900)));
    private static final Envelope HOME = MapProjection.kazakhstan().toMap(FrameArea.COUNTRY);

    /** A command that has only the place options, as snapshot, animate and views save have them. */
    @Command(name = "framed")
    static final class Framed {
        @Mixin
        FrameArea area;
    }

    private static FrameArea parsed(String... args) {
        Framed command = new Framed();
        new CommandLine(command).parseArgs(args);
        return command.area;
    }

    private static final Supplier<Gazetteer> UNREAD = () -> {
        throw new AssertionError("the gazetteer was read without a city");
    };

    private static FrameArea.Chosen checked(String... args) {
        return parsed(args).check(() -> CITIES);
    }

    private static String refusal(Runnable use) {
        return assertThrows(CommandLine.ParameterException.class, use::run).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1,2,3               | four numbers
            70,north,73,44      | minLat 'north' is not a number
            0,100,10,110        | minLat 100 is outside -90..90
            190,40,200,50       | minLon 190 is outside -180..180
            80,50,70,40         | min must be less than max
            70,44,73,42         | min must be less than max
            0,0,10,10           | outside the area this map shows
            NaN,40,80,50        | outside -180..180
            """)
    void aBadBoxIsRefusedNamingTheOptionAndTheValue(String box, String problem) {
        FrameArea area = parsed("--bbox", box);
        String message = refusal(() -> area.check(UNREAD));
        assertTrue(message.startsWith("--bbox '" + box + "': "), message);
        assertTrue(message.contains(problem), message);
    }

    @Test
    void aCityAndABoxTogetherAreRefused() {
        String message = refusal(() -> checked("--city", "Taraz", "--bbox", "70,42,73,44"));
        assertEquals("--city Taraz and --bbox 70,42,73,44: give one or the other, not both", message);
    }

    @Test
    void anUnknownCityIsRefusedWithTheNamesNearestIt() {
        String message = refusal(() -> checked("--city", "Tarax"));
        assertEquals("--city: unknown city 'Tarax' (did you mean Taraz?)", message);
    }

    @Test
    void aCityIsCentredAtTheScaleTheWindowZoomsTo() {
        FrameArea.Frame frame = checked("--city", "тараз").frame(HOME, 800, 600);
        Coordinate taraz = MapProjection.kazakhstan().toMap(71.36667, 42.9);
        Viewport vp = frame.viewport();
        assertEquals("Taraz", frame.place(), "the name as the gazetteer spells it");
        assertEquals(taraz.x, vp.centerX(), 1e-6);
        assertEquals(taraz.y, vp.centerY(), 1e-6);
        assertEquals(50_000, vp.scaleDenominator(), 1e-6);
        assertEquals(800, vp.width());
        assertEquals(600, vp.height());
        assertEquals(100_000, checked("--city", "Almaty").frame(HOME, 800, 600).viewport().scaleDenominator(), 1e-6,
                "a city of half a million or more is shown wider");
    }

    @Test
    void aCityAreaIsWhatTheWindowShowsOfIt() {
        FrameArea.Chosen taraz = checked("--city", "Taraz");
        Envelope area = taraz.lonLat(1600, 1000);
        Envelope frame = MapProjection.kazakhstan().toLonLat(taraz.frame(HOME, 1600, 1000).viewport().bounds());
        assertEquals(frame, area);
        assertTrue(area.contains(71.36667, 42.9), area.toString());
        assertTrue(area.getWidth() < 1 && area.getHeight() < 1, "a city, not a region: " + area);
    }

    @Test
    void aBoxIsShownWholeAndKeptAsGiven() {
        Envelope box = new Envelope(70, 73, 42, 44);
        FrameArea.Chosen chosen = parsed("--bbox", "70,42,73,44").check(() -> CITIES);
        FrameArea.Frame frame = chosen.frame(HOME, 800, 600);
        assertEquals("Area 70,42,73,44", frame.place(), "no place within 15 km of its centre, no oblast known");
        Envelope shown = frame.viewport().bounds();
        Envelope asked = MapProjection.kazakhstan().toMap(box);
        assertTrue(shown.contains(asked), shown + " does not show " + asked);
        // Fitted: the box fills the frame across one of its sides.
        assertTrue(asked.getWidth() / shown.getWidth() > 0.99 || asked.getHeight() / shown.getHeight() > 0.99);
        assertEquals(box, chosen.lonLat(1600, 1000));
    }

    @Test
    void aBoxIsNamedByThePlaceAtItsCentre() {
        assertEquals("Taraz \u2014 centre", checked("--bbox", "71.361,42.893,71.373,42.901").frame(HOME, 800, 600).place());
        assertEquals("near Taraz", checked("--bbox", "71.40,42.95,71.50,43.00").frame(HOME, 800, 600).place(),
                "10 km from the city's point");
        assertEquals("Area 71.123,42.5,71.2,42.6", checked("--bbox", "71.1234,42.5,71.2,42.6").frame(HOME, 800, 600).place(),
                "nothing near: the corners to 3 decimals");
    }

    @Test
    void aBoxFarFromTownsIsNamedByItsOblast() throws Exception {
        Gazetteer shipped = kz.incidentmap.layers.BasemapLayers.gazetteer(Path.of("maps"));
        FrameArea.Frame frame = parsed("--bbox", "69.0,44.5,69.1,44.6").check(() -> shipped).frame(HOME, 800, 600);
        assertEquals("Turkistan Region 69,44.5,69.1,44.6", frame.place());
    }

    @Test
    void withoutAPlaceTheFrameIsKazakhstan() {
        FrameArea.Chosen none = parsed().check(UNREAD);
        FrameArea.Frame frame = none.frame(HOME, 800, 600);
        assertEquals("Kazakhstan", frame.place());
        assertTrue(frame.viewport().bounds().contains(HOME));
        assertEquals(FrameArea.COUNTRY, none.lonLat(1600, 1000));
    }

    /** An unknown city is refused before the store is opened: a bad argument, not a missing store. */
    @Test
    void anUnknownCityIsRefusedBeforeTheStoreIsOpened() {
        String missing = Path.of(System.getProperty("java.io.tmpdir"), "no-such-store.gpkg").toString();
        List<String[]> runs = List.of(new String[] {"snapshot", "--city", "Atlantis", "--out", "x.png"},
                new String[] {"animate", "--city", "Atlantis", "--from", "2011-01-01", "--to", "2011-12-31", "--out", "x.gif"},
                new String[] {"views", "save", "X", "--city", "Atlantis"});
        for (String[] run : runs) {
            String[] args = Stream.concat(Arrays.stream(run), Stream.of("--db", missing))
                    .toArray(String[]::new);
            TestCli.Result r = TestCli.run(args);
            assertEquals(2, r.code(), String.join(" ", run) + ": " + r.err());
            assertTrue(r.err().contains("--city: unknown city 'Atlantis'"), r.err());
        }
    }

    @Test
    void snapshotAnimateAndViewsSaveShareTheOptions() {
        CommandLine root = new CommandLine(new RootCommand());
        List<CommandLine> commands = List.of(root.getSubcommands().get("snapshot"), root.getSubcommands().get("animate"),
                root.getSubcommands().get("views").getSubcommands().get("save"));
        for (CommandLine c : commands) {
            for (String option : List.of("--city", "--bbox")) {
                assertEquals(FrameArea.class, declaredIn(c, option), c.getCommandName() + " " + option);
            }
        }
        // The commands that list or export records filter by place instead.
        for (String name : List.of("incidents", "export")) {
            assertEquals(PlaceFilter.class, declaredIn(root.getSubcommands().get(name), "--city"), name);
        }
    }

    private static Class<?> declaredIn(CommandLine command, String option) {
        Object member = command.getCommandSpec().findOption(option).userObject();
        return member instanceof Field f ? f.getDeclaringClass() : null;
    }
}
