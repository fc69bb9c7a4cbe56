package kz.incidentmap.filter;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.filter.FilterAttributeExtractor;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A GeoTools ECQL expression over an incident's attributes, for what the other parts of a filter do
 * not say ({@code killed_max - killed_min > 3}, {@code title ILIKE '%market%' OR tags LIKE '%court%'}).
 * The attributes are {@link #ATTRIBUTES}; {@code date} is a date (compare it with {@code 2011-05-01}),
 * the figures are whole numbers or null, {@code tags} and {@code sources} are texts joined by "; ", and
 * {@code geom} the point in longitude/latitude. Parsing loads GeoTools' function registry, so this class
 * is only touched when an expression is given. Immutable; {@link #test} is thread-safe.
 */
public final class WhereClause {

    /** The attributes an expression may name, in the order of the feature type. */
    public static final List<String> ATTRIBUTES = List.of("id", "title", "type", "subtype", "date", "date_precision",
            "place", "oblast", "perpetrator", "claimed_by", "killed_min", "killed_max", "wounded_min", "wounded_max",
            "location_precision", "tags", "sources", "geom");

    private static final SimpleFeatureType TYPE = featureType();
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final String text;
    private final Filter filter;

    private WhereClause(String text, Filter filter) {
        this.text = text;
        this.filter = filter;
    }

    /**
     * The expression {@code text}; a syntax error or an attribute not in {@link #ATTRIBUTES} is an
     * {@link IllegalArgumentException} whose message says where ("at column 12: …") or which name.
     */
    public static WhereClause parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        Filter f;
        try {
            f = ECQL.toFilter(text);
        } catch (CQLException e) {
            throw new IllegalArgumentException(syntaxError(e), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read it: " + e.getMessage(), e);
        }
        FilterAttributeExtractor names = new FilterAttributeExtractor();
        f.accept(names, null);
        Set<String> unknown = new TreeSet<>(names.getAttributeNameSet());
        unknown.removeAll(ATTRIBUTES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown attribute" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + " (known: " + String.join(", ", ATTRIBUTES) + ")");
        }
        return new WhereClause(text.strip(), f);
    }

    /** "at column 12: Encountered "&gt;= &lt;EOF&gt;"": ECQL's position and the first line of its reason. */
    private static String syntaxError(CQLException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        Matcher m = POSITION.matcher(first);
        if (m.find()) {
            String where = "1".equals(m.group(1)) ? "at column " + m.group(2) : "at line " + m.group(1) + ", column " + m.group(2);
            String reason = first.substring(0, m.start()).replaceAll("\\s*at\\s*$", "").strip();
            return where + ": " + (reason.isEmpty() ? "syntax error" : reason);
        }
        return first;
    }

    public boolean test(Incident i) {
        return filter.evaluate(feature(i));
    }

    /** The expression as given. */
    public String text() {
        return text;
    }

    /** An incident as the expression sees it. */
    static SimpleFeature feature(Incident i) {
        SimpleFeatureBuilder b = new SimpleFeatureBuilder(TYPE);
        b.set("id", i.id());
        b.set("title", i.title());
        b.set("type", i.type().code());
        b.set("subtype", i.subType() == null ? null : i.subType().code());
        b.set("date", i.date() == null ? null : Date.from(i.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        b.set("date_precision", i.datePrecision() == null ? null : i.datePrecision().code());
        b.set("place", i.place());
        b.set("oblast", i.oblast());
        b.set("perpetrator", i.perpetrator());
        b.set("claimed_by", i.claimedBy());
        b.set("killed_min", i.minKilled().isPresent() ? i.minKilled().getAsInt() : null);
        b.set("killed_max", i.maxKilled().isPresent() ? i.maxKilled().getAsInt() : null);
        b.set("wounded_min", i.minWounded().isPresent() ? i.minWounded().getAsInt() : null);
        b.set("wounded_max", i.maxWounded().isPresent() ? i.maxWounded().getAsInt() : null);
        b.set("location_precision", i.locationPrecision() == null ? null : i.locationPrecision().code());
        b.set("tags", Tags.join(i.tags()));
        b.set("sources", i.sources().stream().map(WhereClause::source).collect(Collectors.joining("; ")));
        b.set("geom", Double.isFinite(i.lon()) && Double.isFinite(i.lat())
                ? GF.createPoint(new Coordinate(i.lon(), i.lat())) : null);
        return b.buildFeature(i.id());
    }

    private static String source(Source s) {
        return s.publisher() == null ? s.key() : s.key() + " " + s.publisher();
    }

    private static SimpleFeatureType featureType() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("incident");
        b.setCRS(DefaultGeographicCRS.WGS84);
        for (String name : ATTRIBUTES) {
            switch (name) {
                case "date" -> b.add(name, Date.class);
                case "killed_min", "killed_max", "wounded_min", "wounded_max" -> b.add(name, Integer.class);
                case "geom" -> b.add(name, Point.class);
                default -> b.add(name, String.class);
            }
        }
        b.setDefaultGeometry("geom");
        return b.buildFeatureType();
    }

    @Override
    public String toString() {
        return text;
    }
}
