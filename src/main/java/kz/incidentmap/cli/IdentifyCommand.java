package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.incidentmap.filter.FilteredModel;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code identify}: what a click at a point would hit, as JSON, nearest first, incidents first. A hit
 * on a cluster carries {@code cluster}: its count and its incidents.
 */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Print as a JSON array what a click at this point, at this scale, would hit.")
final class IdentifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Option(names = "--lon", required = true, description = "Longitude, degrees (-180..180).")
    double lon;

    @Option(names = "--lat", required = true, description = "Latitude, degrees (-90..90).")
    double lat;

    @Option(names = "--scale", required = true, paramLabel = "N", description = "Map scale 1:N.")
    double scale;

    @Mixin
    FilterOptions filter;

    @Option(names = "--tolerance", defaultValue = "5", paramLabel = "PX",
            description = "Pixels around the point that count as hit (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        Places.checkLonLat(spec, lon, lat);
        Places.checkScale(spec, scale);
        if (!(tolerance >= 0 && tolerance <= 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tolerance " + tolerance + ": must be 0..100 pixels");
        }
        IncidentFilter chosen = filter.build(FilterOptions.gazetteerOf(options), null, options);
        List<Hit> hits;
        try (MapOptions.OpenMap open = options.openMap(all -> all)) {
            LoadedMap map = open.map();
            MapModel shown = FilteredModel.of(map.model(), chosen, null, MapProjection.kazakhstan()).model();
            Coordinate c = MapProjection.kazakhstan().toMap(lon, lat);
            Viewport vp = Viewport.atScale(c.x, c.y, scale, 1001, 1001);
            // The clusters a frame of this view draws, as the window hands over those of the frame it shows.
            FrameGroups drawn = new MapRenderer().groups(vp, shown.visibleLayers());
            hits = new IdentifyService().identify(shown, vp, 500.5, 500.5, tolerance, drawn);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit h : hits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", h.layer());
            m.put("layer_title", h.layerTitle());
            m.put("id", h.featureId());
            m.put("distance_px", Math.round(h.distancePx() * 10) / 10.0);
            boolean cluster = h.isCluster();
            Incident i = IncidentLayer.NAME.equals(h.layer()) && !cluster && !h.records().isEmpty() ? h.records().get(0) : null;
            m.put("attributes", i != null ? IncidentRecords.json(i) : h.attributes());
            if (cluster) {
                m.put("cluster", cluster(h));
            }
            out.add(m);
        }
        spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * A cluster's count and the incidents nearest the point (id, title, date), as a click on it lists
     * them first.
     */
    private static Map<String, Object> cluster(Hit h) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Incident i : h.records()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("title", i.title());
            m.put("date", i.date() == null ? null : i.date().toString());
            members.add(m);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("count", h.attributes().get(ClusterStyles.COUNT));
        c.put("members", members);
        return c;
    }
}
