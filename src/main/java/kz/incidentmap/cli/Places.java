package kz.incidentmap.cli;

import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.UnknownPlaceException;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns the place options of a command (--city, --bbox, a point) into checked values and viewports. */
final class Places {

    /** What the map's conic projection can show well: Central Asia and around it, degrees. */
    static final Envelope MAP_AREA = new Envelope(20, 120, 20, 75);

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
        if (!MAP_AREA.contains(lon, lat)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lon/--lat " + lon + ", " + lat
                    + ": outside the area this map shows (longitude 20..120, latitude 20..75)");
        }
    }

    /** Parses minLon,minLat,maxLon,maxLat; a bad value names itself. */
    /** A map scale 1:N the viewport can show; shared by {@code identify} and {@code snapshot}. */
    static void checkScale(CommandSpec spec, double scale) {
        if (!(scale >= Viewport.MIN_SCALE && scale <= Viewport.MAX_SCALE)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale " + scale
                    + ": must be between " + (long) Viewport.MIN_SCALE + " and " + (long) Viewport.MAX_SCALE);
        }
    }

    static Envelope parseBbox(CommandSpec spec, String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bbox '" + text + "': expected minLon,minLat,maxLon,maxLat (four numbers)");
        }
        double[] v = new double[4];
        String[] names = {"minLon", "minLat", "maxLon", "maxLat"};
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--bbox: " + names[i] + " '" + parts[i].trim() + "' is not a number");
            }
            boolean lon = i % 2 == 0;
            // Written so that NaN fails too.
            if (!(lon ? Math.abs(v[i]) <= 180 : Math.abs(v[i]) <= 90)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bbox: " + names[i] + " " + v[i]
                        + " is outside " + (lon ? "-180..180" : "-90..90"));
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bbox '" + text + "': min must be less than max for both longitude and latitude");
        }
        Envelope box = new Envelope(v[0], v[2], v[1], v[3]);
        if (!MAP_AREA.contains(box)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bbox '" + text
                    + "': outside the area this map shows (longitude 20..120, latitude 20..75)");
        }
        return box;
    }

    static Gazetteer.Place city(CommandSpec spec, Gazetteer gazetteer, String name) {
        try {
            return gazetteer.require(name);
        } catch (UnknownPlaceException e) {
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

    static Viewport homeView(LoadedMap map, int width, int height) {
        return Viewport.fitting(map.home(), width, height, Math.min(width, height) / 25);
    }
}
