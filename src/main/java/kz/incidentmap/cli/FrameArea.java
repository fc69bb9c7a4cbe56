package kz.incidentmap.cli;

import java.util.function.Supplier;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The place options of the commands that draw a frame ({@code snapshot}, {@code animate},
 * {@code views save}): {@code --city} or {@code --bbox}, checked once and made into the frame's viewport
 * or its area in degrees; without either, all of Kazakhstan. The commands that list or export records
 * take options of the same names that choose records instead ({@link PlaceFilter}); both are checked by
 * {@link Places#cityOrBox}.
 */
final class FrameArea {

    /** The area of Kazakhstan in degrees that a view saved without --city or --bbox keeps. */
    static final Envelope COUNTRY = new Envelope(46.4, 87.4, 40.5, 55.5);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--city", paramLabel = "NAME",
            description = "Centre on this city (Latin or Cyrillic), at the scale the window zooms to it.")
    String city;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Show this area (degrees).")
    String bbox;

    /** The place a frame of the whole country names. */
    static final String KAZAKHSTAN = "Kazakhstan";

    /** A frame: its viewport and the name of the place it shows ("Taraz", "Taraz \u2014 centre", "Kazakhstan"). */
    record Frame(Viewport viewport, String place) {
    }

    /** Whether --city or --bbox was given. */
    boolean given() {
        return city != null || bbox != null;
    }

    /**
     * The place asked for, checked: a city and a box together, a bad box and an unknown city (with the
     * names nearest it) are refused naming the option and the value. Commands call it before they open a
     * store, so that a bad place leaves everything as it was. {@code gazetteer} is read for a city here,
     * and for a box when its frame is named.
     */
    Chosen check(Supplier<Gazetteer> gazetteer) {
        Envelope box = Places.cityOrBox(spec, city, bbox);
        return new Chosen(city == null ? null : Places.city(spec, gazetteer.get(), city), box, gazetteer);
    }

    /**
     * A place checked by {@link #check}: a city, or a box in degrees, or neither; and the gazetteer that
     * names a box's frame by the place at its centre.
     */
    record Chosen(Gazetteer.Place city, Envelope box, Supplier<Gazetteer> gazetteer) {

        /**
         * The frame of a view {@code width} × {@code height} screen pixels: the city at the scale the window
         * zooms to it, the box fitted whole, or {@code home} (the map's extent of Kazakhstan) as a window
         * first shows it.
         */
        Frame frame(Envelope home, int width, int height) {
            if (city != null) {
                return new Frame(Places.cityView(city, width, height), city.name());
            }
            if (box != null) {
                return new Frame(Places.bboxView(box, width, height), BoxTitle.of(gazetteer.get(), box));
            }
            return new Frame(Places.homeView(home, width, height), KAZAKHSTAN);
        }

        /**
         * The same place in degrees, as a view keeps it: what a window {@code width} × {@code height} shows
         * of the city, the box itself, or {@link #COUNTRY}.
         */
        Envelope lonLat(int width, int height) {
            if (city != null) {
                return MapProjection.kazakhstan().toLonLat(Places.cityView(city, width, height).bounds());
            }
            return box != null ? box : COUNTRY;
        }
    }
}
