package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code maps/place-names.csv} to the GeoNames cities: current names where the packaged data
 * is stale (Nur-Sultan is Astana again) and the Cyrillic names the package lacks. Keyed by GeoNames id.
 */
final class PlaceNameOverrides {

    private record Names(String name, String alt) {
    }

    private final Map<Long, Names> byId;

    private PlaceNameOverrides(Map<Long, Names> byId) {
        this.byId = byId;
    }

    /** Reads the file; a missing file means no overrides, a malformed line is an error naming it. */
    static PlaceNameOverrides read(Path csv) throws IOException {
        Map<Long, Names> map = new HashMap<>();
        if (!Files.exists(csv)) {
            return new PlaceNameOverrides(map);
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", 5);
            try {
                map.put(Long.parseLong(f[0].trim()), new Names(f[2].trim(), f[3].trim().isEmpty() ? null : f[3].trim()));
            } catch (RuntimeException e) {
                throw new IOException(csv + ": line " + (i + 1)
                        + ": expected geonames_id,source_name,name,name_alt,note with a numeric id");
            }
        }
        return new PlaceNameOverrides(map);
    }

    List<GeoJsonFeature> apply(List<GeoJsonFeature> cities) {
        return cities.stream().map(this::apply).toList();
    }

    private GeoJsonFeature apply(GeoJsonFeature f) {
        Object id = f.properties().get("geonames_id");
        Names n = id instanceof Number num ? byId.get(num.longValue()) : null;
        if (n == null) {
            return f;
        }
        Map<String, Object> p = new LinkedHashMap<>(f.properties());
        p.put("name", n.name());
        if (n.alt() != null) {
            p.put("name_alt", n.alt());
        }
        return new GeoJsonFeature(f.geometry(), p);
    }
}
