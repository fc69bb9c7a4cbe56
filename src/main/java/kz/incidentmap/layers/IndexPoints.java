package kz.incidentmap.layers;

import java.util.stream.IntStream;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.collection.BaseSimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The incidents of an {@link IncidentIndex} in an area as bare points, each feature made as it is read:
 * what a heat map of the incident layer reads.
 */
final class IndexPoints {

    private IndexPoints() {
    }

    static SimpleFeatureCollection within(IncidentIndex index, Envelope area, SimpleFeatureType of) {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName(of.getTypeName());
        tb.setCRS(of.getCoordinateReferenceSystem());
        tb.add("geom", Point.class);
        SimpleFeatureType type = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        IntStream.Builder found = IntStream.builder();
        index.forEachWithin(area, found::add);
        int[] rows = found.build().toArray();
        return new BaseSimpleFeatureCollection(type) {
            @Override
            public SimpleFeatureIterator features() {
                return new SimpleFeatureIterator() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < rows.length;
                    }

                    @Override
                    public SimpleFeature next() {
                        int r = rows[next++];
                        return SimpleFeatureBuilder.build(type,
                                new Object[] {gf.createPoint(new Coordinate(index.x(r), index.y(r)))}, null);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public int size() {
                return rows.length;
            }
        };
    }
}
