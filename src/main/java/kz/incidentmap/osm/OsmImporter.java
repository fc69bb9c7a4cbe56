package kz.incidentmap.osm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.OsmSink;
import kz.incidentmap.model.RoadTags;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Turns an OpenStreetMap file into street-level features, streaming, in two passes over the file:
 * <ol>
 * <li>relations only: the multipolygons we draw, and the ids of their member ways; an element that
 * appears twice in the file refuses it here (see {@link DuplicateElements});</li>
 * <li>nodes into an off-heap coordinate table ({@link NodeCoordinates}), named nodes into points of
 * interest; ways into streets, areas and water lines, resolved against the coordinate table; member
 * ways kept until their multipolygons are assembled at the end.</li>
 * </ol>
 * The heap holds one file block or element at a time, the multipolygon relations and the coordinates of
 * their member ways, and a sparse node index: a whole-country extract imports in a few hundred MB of
 * heap, with 16 bytes a node in a temporary file. Features go to {@code sink} as they are made; with a
 * box, only features that reach into it are kept.
 */
public final class OsmImporter {

    /**
     * Store bytes per byte of a PBF extract, and XML bytes per two store bytes (see {@link #roomNeeded}).
     * The generated town of a million nodes (88 MB of XML) took 64 MB in a store; its PBF compresses far
     * better than a real extract's, so the PBF figure is a guess at real ones.
     */
    private static final long STORE_BYTES_PER_PBF_BYTE = 4;
    private static final long XML_BYTES_PER_TWO_STORE_BYTES = 3;
    /**
     * bzip2 shrinks OpenStreetMap XML six to ten times (the two real samples in the tests), big extracts
     * more: ten XML bytes, about seven store bytes, a compressed byte.
     */
    private static final long STORE_BYTES_PER_BZIP2_BYTE = 7;

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private final Path file;
    private final Envelope bbox;
    private final OsmSink sink;
    /** Where the features go: {@link #sink}, through a {@link FeatureHandOff} while {@link #run()} runs. */
    private Consumer<StreetFeature> out;
    private final ImportProgress progress;
    private final Map<StreetLayer, Integer> counts = new EnumMap<>(StreetLayer.class);
    private final List<PendingRelation> relations = new ArrayList<>();
    private final List<PendingRelation> boundaries = new ArrayList<>();
    private final List<PlaceNode> places = new ArrayList<>();
    private final Map<Long, Coordinate[]> memberLines = new HashMap<>();
    private long[] memberIds = new long[0];
    private long nodes;
    private long ways;
    private long relationCount;
    private int waysWithMissingNodes;

    private record PendingRelation(long id, Map<String, String> tags, long[] wayIds) {
    }

    /**
     * A settlement node, kept until the extract's date is known: only the tags used, as a city's node
     * may carry names in a hundred languages.
     */
    private record PlaceNode(long id, double lon, double lat, String type, String name, String nameRu, String nameKk,
            String oldName, String population) {
    }

    private OsmImporter(Path file, Envelope bbox, OsmSink sink, ImportProgress progress) {
        this.file = file;
        this.bbox = bbox;
        this.sink = sink;
        this.progress = progress;
    }

    /**
     * Imports {@code file} (XML or PBF).
     *
     * @param bbox longitude/latitude box to keep, or null for everything
     * @param sink receives each feature made, on a thread of its own (see {@link FeatureHandOff}); it has
     *     received all of them when this returns, and nothing more once this has thrown
     * @throws OsmFormatException when the file is not readable OpenStreetMap data; the message names where
     * @throws CancellationException when {@code progress} says so
     */
    public static ImportReport run(Path file, Envelope bbox, Consumer<StreetFeature> sink, ImportProgress progress)
            throws IOException {
        return run(file, bbox, (OsmSink) sink::accept, progress);
    }

    /**
     * Imports {@code file} (XML or PBF): street features as they are made, then the administrative
     * boundaries of levels 4 and 6 and the settlements, with the extract's date.
     *
     * @param bbox longitude/latitude box to keep, or null for everything
     * @param sink receives each feature, boundary and place made
     * @throws OsmFormatException when the file is not readable OpenStreetMap data; the message names where
     * @throws CancellationException when {@code progress} says so
     */
    public static ImportReport run(Path file, Envelope bbox, OsmSink sink, ImportProgress progress)
            throws IOException {
        return new OsmImporter(file, bbox, sink, progress).run();
    }

    /**
     * About how much room the features of {@code file} take in a store, from its size: for the message
     * when the disk runs out, and to refuse at once an import that cannot fit.
     */
    public static long roomNeeded(Path file) throws IOException {
        long size = Files.size(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".bz2")) {
            return size * STORE_BYTES_PER_BZIP2_BYTE;
        }
        return name.endsWith(".pbf") ? size * STORE_BYTES_PER_PBF_BYTE : size * 2 / XML_BYTES_PER_TWO_STORE_BYTES;
    }

    /** Every feature of a (small) file, in memory: the shipped street layers are read this way. */
    public static List<StreetFeature> readAll(Path file) throws IOException {
        List<StreetFeature> out = new ArrayList<>();
        run(file, null, out::add, ImportProgress.NONE);
        return out;
    }

    private ImportReport run() throws IOException {
        long t0 = System.nanoTime();
        OsmFileReader reader = OsmFileReader.forFile(file);
        int[] assembly;
        try (FeatureHandOff handOff = new FeatureHandOff(sink, "osm-import-store")) {
            out = handOff;
            assembly = read(reader);
            handOff.finish();
        }
        // The boundaries and places go to the sink from this thread, now that the features' thread is done.
        LocalDate extractDate = extractDate(reader);
        tick(0.97, "Assembling boundaries");
        int[] admin = assembleBoundaries(extractDate);
        int placeCount = emitPlaces(extractDate);
        progress.update(1, "Done");
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new ImportReport(file, nodes, ways, relationCount, counts, assembly[0], assembly[1], assembly[2],
                waysWithMissingNodes, seconds, new ImportReport.Boundaries(admin[0], admin[1], admin[2], placeCount,
                        extractDate));
    }

    /** Both passes over the file and the assembly of the multipolygons; returns {@link #assembleRelations}'s counts. */
    private int[] read(OsmFileReader reader) throws IOException {
        double size = Math.max(1, Files.size(file));
        progress.update(0, "Reading relations");
        RelationPass relationPass = new RelationPass();
        reader.read(relationPass, bytes -> tick(0.25 * bytes / size, "Reading relations"));
        DuplicateElements.Duplicate twice = relationPass.duplicates.find(reader, bytes -> tick(0.25, "Checking ids"));
        if (twice != null) {
            throw DuplicateElements.error(reader, twice);
        }
        memberIds = relationPass.ids.toSortedSet();
        try (NodeCoordinates coordinates = new NodeCoordinates()) {
            reader.read(new FeaturePass(coordinates), bytes -> tick(0.25 + 0.7 * bytes / size, "Reading nodes and ways"));
        } catch (UncheckedOsmException e) {
            throw new OsmFormatException(file + ": " + e.getCause().getMessage(), e.getCause());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        tick(0.95, "Assembling areas");
        return assembleRelations();
    }

    private void tick(double fraction, String phase) {
        if (progress.cancelled()) {
            throw new CancellationException("import of " + file + " cancelled");
        }
        progress.update(Math.min(1, fraction), phase);
    }

    /** The first reading: the multipolygons and their member ways, and a look at every element's id. */
    private final class RelationPass implements OsmHandler {
        private final LongList ids = new LongList();
        private final DuplicateElements duplicates = new DuplicateElements();

        @Override
        public boolean relationsOnly() {
            return true;
        }

        @Override
        public void element(char type, long id) {
            duplicates.see(type, id);
        }

        @Override
        public void relation(long id, List<OsmMember> members, Map<String, String> tags) {
            relationCount++;
            if (OsmTagClassifier.adminLevel(tags) > 0) {
                // The boundary's ways; its admin_centre and label nodes and subarea relations are not drawn.
                long[] wayIds = members.stream().filter(m -> m.type() == 'w' && isRing(m.role()))
                        .mapToLong(OsmMember::ref).toArray();
                for (long w : wayIds) {
                    ids.add(w);
                }
                boundaries.add(new PendingRelation(id, tags, wayIds));
            }
            if (!OsmTagClassifier.isAreaRelation(tags)) {
                return;
            }
            long[] wayIds = members.stream().filter(m -> m.type() == 'w').mapToLong(OsmMember::ref).toArray();
            for (long w : wayIds) {
                ids.add(w);
            }
            relations.add(new PendingRelation(id, tags, wayIds));
        }
    }

    private final class FeaturePass implements OsmHandler {
        private final NodeCoordinates coordinates;
        private final double[] lonLat = new double[2];

        FeaturePass(NodeCoordinates coordinates) {
            this.coordinates = coordinates;
        }

        @Override
        public void node(long id, double lon, double lat, Map<String, String> tags) {
            nodes++;
            try {
                coordinates.add(id, lon, lat);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OsmTagClassifier.Classified poi = OsmTagClassifier.poi(tags);
            if (poi != null) {
                emit(poi, "n" + id, GF.createPoint(new Coordinate(lon, lat)), tags);
            }
            String settlement = OsmTagClassifier.settlement(tags);
            if (settlement != null && (bbox == null || bbox.contains(lon, lat))) {
                places.add(new PlaceNode(id, lon, lat, settlement, tags.get("name"), tags.get("name:ru"),
                        tags.get("name:kk"), tags.get("old_name"), tags.get("population")));
            }
        }

        @Override
        public void way(long id, long[] refs, Map<String, String> tags) {
            ways++;
            boolean member = Arrays.binarySearch(memberIds, id) >= 0;
            OsmTagClassifier.Classified road = OsmTagClassifier.road(tags);
            OsmTagClassifier.Classified waterLine = OsmTagClassifier.waterLine(tags);
            boolean closed = refs.length >= 4 && refs[0] == refs[refs.length - 1];
            // A closed river line is not also a water area: one feature per element and layer.
            List<OsmTagClassifier.Classified> areas = closed && road == null && waterLine == null
                    ? OsmTagClassifier.areas(tags) : List.of();
            OsmTagClassifier.Classified poi = closed && road == null ? OsmTagClassifier.poi(tags) : null;
            if (!member && road == null && waterLine == null && areas.isEmpty() && poi == null) {
                return;
            }
            List<Coordinate> line = new ArrayList<>(refs.length);
            int missing = 0;
            for (long ref : refs) {
                try {
                    if (coordinates.find(ref, lonLat)) {
                        line.add(new Coordinate(lonLat[0], lonLat[1]));
                    } else {
                        missing++;
                    }
                } catch (OsmFormatException e) {
                    throw new UncheckedOsmException(e);
                }
            }
            Coordinate[] coords = line.toArray(Coordinate[]::new);
            if (member && missing == 0) {
                memberLines.put(id, coords);
            }
            if (road == null && waterLine == null && areas.isEmpty() && poi == null) {
                return;
            }
            if (missing > 0) {
                waysWithMissingNodes++;
            }
            String osmId = "w" + id;
            if ((road != null || waterLine != null) && coords.length >= 2) {
                emit(road != null ? road : waterLine, osmId, GF.createLineString(coords), tags);
            }
            if (missing == 0 && coords.length >= 4 && (!areas.isEmpty() || poi != null)) {
                Polygon area = GF.createPolygon(GF.createLinearRing(coords));
                for (OsmTagClassifier.Classified c : areas) {
                    emit(c, osmId, area, tags);
                }
                if (poi != null) {
                    emit(poi, osmId, area.getInteriorPoint(), tags);
                }
            }
        }
    }

    /** Returns {assembled, skipped, missing members}. */
    private int[] assembleRelations() {
        MultipolygonAssembler assembler = new MultipolygonAssembler(GF);
        int assembled = 0;
        int skipped = 0;
        int missing = 0;
        for (PendingRelation r : relations) {
            List<Coordinate[]> lines = new ArrayList<>();
            for (long w : r.wayIds()) {
                Coordinate[] c = memberLines.get(w);
                if (c == null) {
                    missing++;
                } else {
                    lines.add(c);
                }
            }
            MultipolygonAssembler.Result result = assembler.assemble(lines);
            if (result.area() == null) {
                skipped++;
                continue;
            }
            assembled++;
            String osmId = "r" + r.id();
            for (OsmTagClassifier.Classified c : OsmTagClassifier.areas(r.tags())) {
                emit(c, osmId, result.area(), r.tags());
            }
            OsmTagClassifier.Classified poi = OsmTagClassifier.poi(r.tags());
            if (poi != null) {
                emit(poi, osmId, result.area().getInteriorPoint(), r.tags());
            }
        }
        return new int[] {assembled, skipped, missing};
    }

    /** Roles of the ways that make a boundary's rings; "" for the many boundaries mapped without roles. */
    private static boolean isRing(String role) {
        return role.isEmpty() || "outer".equals(role) || "inner".equals(role);
    }

    /**
     * The day of the extract: its header's timestamp, else its newest element's, else the file's last
     * change, in UTC.
     */
    private LocalDate extractDate(OsmFileReader reader) throws IOException {
        Instant stamp = reader.extractTimestamp();
        if (stamp == null) {
            stamp = Files.getLastModifiedTime(file).toInstant();
        }
        return LocalDate.ofInstant(stamp, ZoneOffset.UTC);
    }

    /**
     * Assembles the boundaries of levels 4 and 6. One with a member way missing (cut off at the edge of
     * an extract) or whose ways leave a gap is left out whole rather than drawn wrong, and counted.
     * Returns {oblasts, districts, skipped}.
     */
    private int[] assembleBoundaries(LocalDate extractDate) {
        MultipolygonAssembler assembler = new MultipolygonAssembler(GF);
        int[] out = new int[3];
        for (PendingRelation r : boundaries) {
            List<Coordinate[]> lines = new ArrayList<>();
            boolean whole = r.wayIds().length > 0;
            for (long w : r.wayIds()) {
                Coordinate[] c = memberLines.get(w);
                if (c == null) {
                    whole = false;
                    break;
                }
                lines.add(c);
            }
            MultipolygonAssembler.Result result = whole ? assembler.assemble(lines) : null;
            if (result == null || result.area() == null || result.openLines() > 0
                    || !(result.area() instanceof Polygonal)) {
                out[2]++;
                continue;
            }
            if (bbox != null && !bbox.intersects(result.area().getEnvelopeInternal())) {
                continue;
            }
            int level = OsmTagClassifier.adminLevel(r.tags());
            Map<String, String> t = r.tags();
            sink.boundary(new AdminArea("r" + r.id(), level, result.area(), t.get("name"), t.get("name:ru"),
                    t.get("name:kk"), extractDate));
            out[level == AdminArea.OBLAST_LEVEL ? 0 : 1]++;
        }
        return out;
    }

    /** Hands on the settlements kept, in file order; returns how many. */
    private int emitPlaces(LocalDate extractDate) {
        for (PlaceNode p : places) {
            sink.place(new OsmPlace("n" + p.id(), p.type(), GF.createPoint(new Coordinate(p.lon(), p.lat())), p.name(),
                    p.nameRu(), p.nameKk(), p.oldName(), population(p.population()), extractDate));
        }
        return places.size();
    }

    /** A {@code population} tag as a number: "12000" and "12 000" are read, anything else is 0 (unknown). */
    static long population(String tag) {
        if (tag == null) {
            return 0;
        }
        String digits = tag.strip().replace(" ", "").replace("\u00a0", "").replace(",", "");
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(digits);
    }

    private void emit(OsmTagClassifier.Classified c, String osmId, Geometry geometry, Map<String, String> tags) {
        if (bbox != null && !bbox.intersects(geometry.getEnvelopeInternal())) {
            return;
        }
        out.accept(new StreetFeature(c.layer(), osmId, geometry, c.kind(), c.type(), tags.get("name"),
                tags.get("name:ru"), tags.get("name:kk"),
                c.layer() == StreetLayer.ROADS ? OsmTagClassifier.roadTags(tags) : RoadTags.NONE));
        counts.merge(c.layer(), 1, Integer::sum);
    }

    /** Carries a format error found inside a handler callback out to {@link #run}. */
    static final class UncheckedOsmException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedOsmException(OsmFormatException cause) {
            super(cause);
        }

        @Override
        public synchronized OsmFormatException getCause() {
            return (OsmFormatException) super.getCause();
        }
    }
}
