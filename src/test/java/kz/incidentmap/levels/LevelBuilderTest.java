package kz.incidentmap.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.osm.SyntheticExtract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class LevelBuilderTest {

    private static final GeometryFactory GF = new GeometryFactory();
    /** Metres per degree of latitude; at 44°N a degree of longitude is 0.719 of it. */
    private static final double M = 111_320;
    private static final double COS44 = Math.cos(Math.toRadians(44));

    @TempDir
    Path tmp;

    private static List<LevelFeature> of(List<LevelFeature> all, MapLevel level) {
        return all.stream().filter(f -> f.level() == level).toList();
    }

    /** A square block of {@code side} metres whose south-west corner is {@code east}/{@code north} metres from 70°E 44°N. */
    private static StreetFeature block(String id, String landuse, double east, double north, double side) {
        double x = 70 + east / (M * COS44);
        double y = 44 + north / M;
        double dx = side / (M * COS44);
        double dy = side / M;
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + dx, y),
            new Coordinate(x + dx, y + dy), new Coordinate(x, y + dy), new Coordinate(x, y)});
        return new StreetFeature(StreetLayer.LANDUSE, id, p, "landuse", landuse, null, null, null);
    }

    @Test
    void theGeneratedTownKeepsItsMainStreetsAtEveryLevelAndItsSideStreetsAtNone() throws Exception {
        Path town = tmp.resolve("town.osm");
        new SyntheticExtract(50_000).writeXml(town);
        List<StreetFeature> features = OsmImporter.readAll(town);
        List<LevelFeature> levels = LevelBuilder.build(features);
        long primaryVertices = features.stream().filter(f -> "primary".equals(f.type()))
                .mapToLong(f -> f.geometry().getNumPoints()).sum();
        Set<String> primaryNames = features.stream().filter(f -> "primary".equals(f.type())).map(StreetFeature::name)
                .collect(Collectors.toSet());
        for (MapLevel level : MapLevel.values()) {
            List<LevelFeature> lines = of(levels, level);
            assertEquals(Set.of("primary"), lines.stream().map(LevelFeature::type).collect(Collectors.toSet()), level.key());
            // Each street's stretches, split at every tenth crossing, are merged into one line.
            assertEquals(primaryNames.size(), lines.size(), level.key());
            assertTrue(lines.stream().allMatch(f -> f.geometry().isValid()), level.key());
            long vertices = lines.stream().mapToLong(f -> f.geometry().getNumPoints()).sum();
            assertTrue(vertices < primaryVertices / 4, level.key() + ": straight streets keep their ends only, "
                    + vertices + " of " + primaryVertices);
        }
    }

    @Test
    void blocksAcrossAStreetBecomeOneTownWhereTheLevelIsCoarse() {
        // Two 500 m blocks 30 m apart, and a hut far away.
        List<StreetFeature> f = List.of(block("w1", "residential", 0, 0, 500), block("w2", "commercial", 530, 0, 500),
                block("w3", "residential", 5_000, 5_000, 20), block("w4", "farmland", 0, 1_000, 500));
        List<LevelFeature> levels = LevelBuilder.build(f);
        assertEquals(2, of(levels, MapLevel.LOCAL).size(), "the local level keeps the street between the blocks"
                + " and the hut (400 m² is over its smallest area)");
        assertEquals(1, of(levels, MapLevel.REGIONAL).size(), "one town; the hut is too small");
        assertEquals(1, of(levels, MapLevel.OVERVIEW).size());
        Geometry town = of(levels, MapLevel.REGIONAL).get(0).geometry();
        assertTrue(town instanceof Polygon && town.isValid());
        double areaM2 = town.getArea() * M * M * COS44;
        assertTrue(areaM2 > 2 * 500 * 500 * 0.98 && areaM2 < 2 * 500 * 500 + 500 * 30 * 1.5,
                "the gap is filled, no more: " + areaM2);
        assertTrue(levels.stream().allMatch(l -> l.kind().equals("builtup")), "farmland is not built-up");
    }

    @Test
    void aLakeIsKeptFromTheRegionalLevelAndARiverLineToo() {
        StreetFeature lake = block("w9", "x", 0, 0, 600);
        lake = new StreetFeature(StreetLayer.WATER, "w9", lake.geometry(), "natural", "water", "Lake", null, null);
        StreetFeature river = new StreetFeature(StreetLayer.WATER, "w10", GF.createLineString(new Coordinate[] {
            new Coordinate(70, 44.1), new Coordinate(70.05, 44.1001), new Coordinate(70.1, 44.1)}),
                "waterway", "river", "Talas", null, null);
        List<LevelFeature> levels = LevelBuilder.build(List.of(lake, river));
        assertEquals(List.of(), of(levels, MapLevel.OVERVIEW));
        for (MapLevel level : List.of(MapLevel.REGIONAL, MapLevel.LOCAL)) {
            List<LevelFeature> kept = of(levels, level);
            assertEquals(List.of("lake", "river"), kept.stream().map(LevelFeature::type).sorted().toList());
            assertTrue(kept.stream().anyMatch(k -> "Talas".equals(k.name())));
        }
        // 11 m off the straight line: simplified away at the regional level (20 m), kept at the local (4 m).
        LevelFeature regionalRiver = of(levels, MapLevel.REGIONAL).stream().filter(l -> l.type().equals("river"))
                .findFirst().orElseThrow();
        assertEquals(2, regionalRiver.geometry().getNumPoints());
        LevelFeature localRiver = of(levels, MapLevel.LOCAL).stream().filter(l -> l.type().equals("river"))
                .findFirst().orElseThrow();
        assertEquals(3, localRiver.geometry().getNumPoints());
    }

    @Test
    void railwaysAndTheRoadsOfEachLevel() {
        List<StreetFeature> f = new ArrayList<>();
        int i = 0;
        for (String type : List.of("motorway", "primary", "secondary", "tertiary", "residential")) {
            f.add(new StreetFeature(StreetLayer.ROADS, "w" + i, GF.createLineString(new Coordinate[] {
                new Coordinate(70, 44 + i * 0.01), new Coordinate(70.1, 44 + i * 0.01)}), "highway", type, null, null,
                    null));
            i++;
        }
        f.add(new StreetFeature(StreetLayer.ROADS, "w99", GF.createLineString(new Coordinate[] {
            new Coordinate(70, 44.2), new Coordinate(70.1, 44.2)}), "railway", "rail", null, null, null));
        List<LevelFeature> levels = LevelBuilder.build(f);
        assertEquals(List.of("motorway", "primary", "rail"), types(of(levels, MapLevel.OVERVIEW)));
        assertEquals(List.of("motorway", "primary", "rail", "secondary"), types(of(levels, MapLevel.REGIONAL)));
        assertEquals(List.of("motorway", "primary", "rail", "secondary", "tertiary"), types(of(levels, MapLevel.LOCAL)));
    }

    @Test
    void aResidentialRingThatCrossesItselfStillMakesAValidTown() {
        // A bow tie of two 600 m triangles, as a careless drawing makes it.
        double dx = 600 / (M * COS44);
        double dy = 600 / M;
        Polygon bowTie = GF.createPolygon(new Coordinate[] {new Coordinate(70, 44), new Coordinate(70 + dx, 44 + dy),
            new Coordinate(70 + dx, 44), new Coordinate(70, 44 + dy), new Coordinate(70, 44)});
        assertTrue(!bowTie.isValid());
        List<LevelFeature> levels = LevelBuilder.build(List.of(new StreetFeature(StreetLayer.LANDUSE, "w1", bowTie,
                "landuse", "residential", null, null, null)));
        assertEquals(List.of(MapLevel.REGIONAL, MapLevel.LOCAL), levels.stream().map(LevelFeature::level).toList(),
                "both triangles, 180,000 m² together, too small for the overview");
        assertTrue(levels.stream().allMatch(l -> l.geometry().isValid() && l.geometry().getArea() > 0));
    }

    @Test
    void nothingToGeneraliseGivesNothing() {
        assertEquals(List.of(), LevelBuilder.build(List.of()));
        StreetFeature building = new StreetFeature(StreetLayer.BUILDINGS, "w1", block("w1", "x", 0, 0, 10).geometry(),
                "building", "yes", null, null, null);
        assertEquals(List.of(), LevelBuilder.build(List.of(building)));
    }

    private static List<String> types(List<LevelFeature> features) {
        return features.stream().map(LevelFeature::type).sorted().toList();
    }
}
