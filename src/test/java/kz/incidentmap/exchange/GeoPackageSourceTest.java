package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.GeoPackageGeometry;
import kz.incidentmap.store.IncidentStore;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A GeoPackage written by another program: values our own stores never hold (a count as text, a
 * missing point, coordinates in another system) are reported or converted, never misread. The sources
 * are our own export, changed afterwards with plain SQL as another program would.
 */
class GeoPackageSourceTest {

    private static final String RICH = "0b4f5f1e-8a53-4a4e-9a57-2f1a1d2b3c4d";
    /** The sphere of EPSG:3857. */
    private static final double R = 6_378_137;

    @TempDir
    Path dir;

    private Path db;
    private List<Incident> originals;

    @BeforeEach
    void store() throws Exception {
        db = ExchangeFixtures.richStore(dir);
        try (IncidentStore s = IncidentStore.openForViewing(db)) {
            originals = s.all();
        }
    }

    /** Our export of every record, as another program would find it. */
    private Path exported(String name) throws Exception {
        Path f = dir.resolve(name);
        RecordExporter.export(originals, ExchangeFormat.GPKG, f, Progress.NONE);
        return f;
    }

    /** Runs {@code sql} on {@code gpkg} through a plain connection, without our spatial functions and triggers. */
    private static void change(Path gpkg, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            dropRtreeTriggers(s);
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The R-tree triggers call functions only our connections have; another program keeps its own index. */
    private static void dropRtreeTriggers(Statement s) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                + " AND name LIKE 'rtree_incidents_geom_%'")) {
            while (rs.next()) {
                triggers.add(rs.getString(1));
            }
        }
        for (String t : triggers) {
            s.execute("DROP TRIGGER " + t);
        }
    }

    /** Rewrites every point of {@code gpkg} into {@code srsId} with {@code project}, registering the system. */
    private static void reproject(Path gpkg, int srsId, String organization, int code, String definition,
            CoordinateMapping project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            dropRtreeTriggers(s);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
                    + " organization, organization_coordsys_id, definition) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, "test system " + srsId);
                ps.setInt(2, srsId);
                ps.setString(3, organization);
                ps.setInt(4, code);
                ps.setString(5, definition);
                ps.executeUpdate();
            }
            s.execute("UPDATE gpkg_geometry_columns SET srs_id = " + srsId + " WHERE table_name = 'incidents'");
            s.execute("UPDATE gpkg_contents SET srs_id = " + srsId + " WHERE table_name = 'incidents'");
            Map<Long, byte[]> blobs = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT fid, geom FROM incidents")) {
                while (rs.next()) {
                    Point p = GeoPackageGeometry.decodePoint(rs.getBytes(2));
                    Coordinate xy = project.apply(p.getX(), p.getY());
                    blobs.put(rs.getLong(1), GeoPackageGeometry.encodePoint(xy.x, xy.y, srsId));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET geom = ? WHERE fid = ?")) {
                for (Map.Entry<Long, byte[]> e : blobs.entrySet()) {
                    ps.setBytes(1, e.getValue());
                    ps.setLong(2, e.getKey());
                    ps.executeUpdate();
                }
            }
        }
    }

    @FunctionalInterface
    private interface CoordinateMapping {
        Coordinate apply(double lon, double lat) throws Exception;
    }

    /** Imports {@code source} all-or-nothing into the rich store; returns the refusal and checks nothing changed. */
    private String refused(Path source) throws Exception {
        byte[] before = Files.readAllBytes(db);
        String message;
        try (IncidentStore s = IncidentStore.open(db)) {
            message = assertThrows(ImportException.class, () -> ExchangeFixtures.importer().importFile(source,
                    ExchangeFormat.GPKG, false, s, Progress.NONE)).getMessage();
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the store changed");
        return message;
    }

    /** Imports {@code source} into a new store and returns what it holds. */
    private List<Incident> imported(Path source) throws Exception {
        Path target = ExchangeFixtures.emptyStore(dir, "target-" + source.getFileName());
        try (IncidentStore s = IncidentStore.open(target)) {
            ExchangeFixtures.importer().importFile(source, ExchangeFormat.GPKG, false, s, Progress.NONE);
            return s.all();
        }
    }

    private void assertSamePlaces(List<Incident> imported) {
        assertEquals(originals.size(), imported.size());
        Map<String, Incident> byId = new HashMap<>();
        imported.forEach(i -> byId.put(i.id(), i));
        for (Incident o : originals) {
            Incident i = byId.get(o.id());
            assertEquals(o.lon(), i.lon(), 1e-7, o.title());
            assertEquals(o.lat(), i.lat(), 1e-7, o.title());
            assertEquals(o.oblast(), i.oblast(), o.title());
        }
    }

    @Test
    void aCountWrittenAsTextIsRefusedNamingTheRecordNeverReadAsZero() throws Exception {
        Path f = exported("many.gpkg");
        change(f, "UPDATE claims SET killed = 'many' WHERE incident_uuid = '" + RICH + "' AND seq = 0");
        assertEquals(f + ": cannot read this store: claims of incident " + RICH + " (source edit-test): field 'killed':"
                + " 'many' is not a whole number", refused(f));
        Path g = exported("fraction.gpkg");
        change(g, "UPDATE claims SET wounded = 2.5 WHERE incident_uuid = '" + RICH + "' AND seq = 0");
        assertEquals(g + ": cannot read this store: claims of incident " + RICH + " (source edit-test): field 'wounded':"
                + " '2.5' is not a whole number", refused(g));
    }

    @Test
    void aRecordWithoutAPointSaysNoGeometry() throws Exception {
        Path f = exported("no-point.gpkg");
        change(f, "UPDATE incidents SET geom = NULL WHERE uuid = '" + RICH + "'");
        assertEquals(f + ": incident " + RICH + ": field 'geom': no geometry: the record has no point", refused(f));
    }

    @Test
    void pseudoMercatorMetresLandWhereTheyWere() throws Exception {
        Path f = exported("mercator.gpkg");
        // The spherical Mercator formulas, written out here rather than asked of GeoTools.
        reproject(f, 3857, "EPSG", 3857, "undefined", (lon, lat) -> new Coordinate(R * Math.toRadians(lon),
                R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))));
        assertSamePlaces(imported(f));
    }

    @Test
    void aSystemKnownOnlyByItsWktIsReadFromIt() throws Exception {
        Path f = exported("world-mercator.gpkg");
        String wkt = CRS.decode("EPSG:3395").toWKT();
        MathTransform toMercator = CRS.findMathTransform(DefaultGeographicCRS.WGS84, CRS.decode("EPSG:3395", true));
        reproject(f, 990042, "SURVEY", 42, wkt, (lon, lat) -> JTS.transform(new Coordinate(lon, lat), null, toMercator));
        assertSamePlaces(imported(f));
    }

    @Test
    void anUnknownSystemIsRefusedNamingIt() throws Exception {
        Path f = exported("grid.gpkg");
        reproject(f, 990001, "SITE", 7, "LOCAL GRID OF THE MARKET", (lon, lat) -> new Coordinate(lon * 1000, lat * 1000));
        String m = refused(f);
        assertTrue(m.startsWith(f + ": cannot read this store: incidents row fid "), m);
        assertTrue(m.endsWith(": field 'geom': the coordinates are in srs_id 990001 'test system 990001' (SITE:7), a"
                + " coordinate system this program does not know, so they cannot be turned into longitude and"
                + " latitude"), m);
    }

    @Test
    void aSystemTheFileDoesNotDefineIsRefusedNamingIt() throws Exception {
        Path f = exported("undefined.gpkg");
        change(f, "UPDATE incidents SET geom = X'" + hex(GeoPackageGeometry.encodePoint(71.37, 42.9, 2000)) + "'"
                + " WHERE uuid = '" + RICH + "'");
        String m = refused(f);
        assertTrue(m.endsWith("(uuid " + RICH + "): field 'geom': the coordinates are in srs_id 2000, which the file's"
                + " gpkg_spatial_ref_sys does not define"), m);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }
}
