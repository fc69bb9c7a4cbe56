package kz.incidentmap.cli;

import kz.incidentmap.filter.FilterValues;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.AmbiguousPlaceException;
import kz.incidentmap.layers.UnknownPlaceException;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns the place options of a command (--city, --bbox, a point) into checked values and viewports. */
final class Places {

    private Places() {
    }

    static void checkLonLat(CommandSpec spec, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lon " + lon + ": longitude must be between -180 and 180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lat " + lat + ": latitude must be between -90 and 90");
        }
        if (!FilterValues.inMapArea(lon, lat)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lon/--lat " + lon + ", " + lat
                    + ": outside the area this map shows (longitude 20..120, latitude 20..75)");
        }
    }

    /** A map scale 1:N the viewport can show; shared by {@code identify} and {@code snapshot}. */
    static void checkScale(CommandSpec spec, double scale) {
        if (!(scale >= Viewport.MIN_SCALE && scale <= Viewport.MAX_SCALE)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale " + scale
                    + ": must be between " + (long) Viewport.MIN_SCALE + " and " + (long) Viewport.MAX_SCALE);
        }
    }

    /** The size of a frame in pixels, {@code --width} and {@code --height}: each 100 to {@code max}. */
    static void checkSize(CommandSpec spec, int width, int height, int max) {
        if (width < 100 || height < 100 || width > max || height > max) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--width/--height " + width + "x" + height
                    + ": each must be between 100 and " + max + " pixels");
        }
    }

    /**
     * The box of {@code --bbox}, or null when none is given: the check both place options share, whether
     * they frame a view ({@link FrameArea}) or choose records ({@link PlaceFilter}). A city and a box
     * together, or a bad box, are refused naming the options and the value.
     */
    static Envelope cityOrBox(CommandSpec spec, String city, String bbox) {
        if (city != null && bbox != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--city " + city + " and --bbox " + bbox + ": give one or the other, not both");
        }
        return bbox == null ? null : parseBbox(spec, bbox);
    }

    /** Parses minLon,minLat,maxLon,maxLat; every refusal names the option, the value and what is wrong. */
    static Envelope parseBbox(CommandSpec spec, String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw badBox(spec, text, "expected minLon,minLat,maxLon,maxLat (four numbers)");
        }
        double[] v = new double[4];
        String[] names = {"minLon", "minLat", "maxLon", "maxLat"};
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw badBox(spec, text, names[i] + " '" + parts[i].trim() + "' is not a number");
            }
            boolean lon = i % 2 == 0;
            // Written so that NaN fails too.
            if (!(lon ? Math.abs(v[i]) <= 180 : Math.abs(v[i]) <= 90)) {
                throw badBox(spec, text, names[i] + " " + parts[i].trim() + " is outside " + (lon ? "-180..180" : "-90..90"));
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw badBox(spec, text, "min must be less than max for both longitude and latitude");
        }
        Envelope box = new Envelope(v[0], v[2], v[1], v[3]);
        if (!FilterValues.inMapArea(box)) {
            throw badBox(spec, text, "outside the area this map shows (longitude 20..120, latitude 20..75)");
        }
        return box;
    }

    private static CommandLine.ParameterException badBox(CommandSpec spec, String text, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "--bbox '" + text + "': " + problem);
    }

    static Gazetteer.Place city(CommandSpec spec, Gazetteer gazetteer, String name) {
        try {
            return gazetteer.require(name);
        } catch (UnknownPlaceException | AmbiguousPlaceException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--city: " + e.getMessage());
        }
    }

    static Viewport cityView(Gazetteer.Place p, int width, int height) {
        Coordinate c = MapProjection.kazakhstan().toMap(p.lon(), p.lat());
        return Viewport.atScale(c.x, c.y, p.zoomScale(), width, height);
    }

    static Viewport bboxView(Envelope lonLat, int width, int height) {
        return Viewport.fitting(MapProjection.kazakhstan().toMap(lonLat), width, height, 0);
    }

    /** All of {@code home} (the map's extent of Kazakhstan) with a margin, as a window first shows it. */
    static Viewport homeView(Envelope home, int width, int height) {
        return Viewport.fitting(home, width, height, Math.min(width, height) / 25);
    }
}
