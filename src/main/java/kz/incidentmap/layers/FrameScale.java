package kz.incidentmap.layers;

import org.geotools.api.data.Query;
import org.geotools.util.factory.Hints;

/**
 * The scale a frame is drawn at, handed to a feature source as a query hint, so that a source holding
 * features for several scale ranges (the generalised levels read from the store) reads only those of
 * the range drawn. A query without it gets every range's features.
 */
public final class FrameScale {

    /** The hint: the frame's scale denominator, a {@link Double}. */
    public static final Hints.Key KEY = new Hints.Key(Double.class);

    private FrameScale() {
    }

    /** {@code query} with the frame's scale denominator as a hint. */
    public static Query hinted(Query query, double scaleDenominator) {
        Hints hints = query.getHints() == null ? new Hints() : new Hints(query.getHints());
        hints.put(KEY, scaleDenominator);
        query.setHints(hints);
        return query;
    }

    /** The scale denominator a query was hinted with, or null. */
    static Double of(Query query) {
        Object v = query.getHints() == null ? null : query.getHints().get(KEY);
        return v instanceof Double d ? d : null;
    }
}
