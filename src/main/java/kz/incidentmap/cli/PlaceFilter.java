package kz.incidentmap.cli;

import java.util.function.Supplier;
import kz.incidentmap.filter.Area;
import kz.incidentmap.layers.Gazetteer;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The place options of the commands that list or export records ({@code incidents}, {@code export}):
 * a city, meaning within 25 km of its centre, or a longitude/latitude box. The commands that draw a map
 * take options of the same names that frame the view instead ({@link FrameArea}); both are checked by
 * {@link Places#cityOrBox}, but each keeps its own help, since a city means another area in each.
 */
final class PlaceFilter {

    /** "In a city" means within this distance of its centre point. */
    static final double CITY_RADIUS_KM = 25;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--city", paramLabel = "NAME", description = "Only incidents within 25 km of this city.")
    String city;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Only incidents in this box (degrees).")
    String bbox;

    /**
     * The area asked for, or null; an unknown city or a bad box is a bad argument, refused before any
     * store is opened.
     */
    Area area(Supplier<Gazetteer> gazetteer) {
        Envelope box = Places.cityOrBox(spec, city, bbox);
        if (box != null) {
            return Area.inside(box);
        }
        if (city == null) {
            return null;
        }
        Gazetteer.Place p = Places.city(spec, gazetteer.get(), city);
        return Area.within(CITY_RADIUS_KM, p.lon(), p.lat(), p.name());
    }
}
