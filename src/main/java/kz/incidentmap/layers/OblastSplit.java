package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A region carved out of an oblast the map draws (Abai from East Kazakhstan on 2022-06-08): its names and
 * its parent, from {@code maps/oblast-splits.csv}. Its own boundary is in no open package the map can ship,
 * so it is not drawn; a record of a place in the parent on or after the day may name it as its oblast.
 *
 * @param name its English name, as records write it ("Abai Region")
 * @param nameRu its Russian name
 * @param nameKk its Kazakh name
 * @param parent Natural Earth's name of the oblast it was carved from
 * @param from the day it came to be
 */
public record OblastSplit(String name, String nameRu, String nameKk, String parent, LocalDate from) {

    static final String HEADER = "name_en,name_ru,name_kk,natural_earth_parent,from,source";

    /** The regions of {@code mapsDir}'s {@code oblast-splits.csv} (none when it is missing). */
    public static List<OblastSplit> read(Path mapsDir) throws IOException {
        Path file = mapsDir.resolve("oblast-splits.csv");
        List<OblastSplit> out = new ArrayList<>();
        for (MapsCsv.Row r : MapsCsv.read(file, HEADER)) {
            try {
                out.add(new OblastSplit(r.get(0), r.get(1), r.get(2), r.get(3), LocalDate.parse(r.get(4))));
            } catch (DateTimeParseException e) {
                throw new IOException(file + ":" + r.line() + ": date '" + r.get(4) + "' must be a day (2022-06-08)");
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code oblast}, as a record writes it, names this region ("Abai", "abai region", "Абай облысы"). */
    public boolean isNamed(String oblast) {
        String key = PlaceNames.key(oblast);
        return !key.isEmpty() && (key.equals(PlaceNames.key(name)) || key.equals(PlaceNames.key(nameRu))
                || key.equals(PlaceNames.key(nameKk)) || (key + " region").equals(PlaceNames.key(name)));
    }
}
