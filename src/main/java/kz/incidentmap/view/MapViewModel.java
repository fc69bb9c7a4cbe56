package kz.incidentmap.view;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kz.incidentmap.edit.EditHistory;
import kz.incidentmap.filter.FilteredModel;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.RecordMatches;
import kz.incidentmap.geo.CoordinateQuery;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.IdentifyService;
import kz.incidentmap.identify.RecordPages;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The state and logic behind the map window, without any JavaFX controls: what is loaded, what the
 * view shows, what is selected, and what the status bar says. Properties are changed on the JavaFX
 * thread; {@link #identify} is pure and is called on a worker thread.
 */
final class MapViewModel {

    /** Layers whose features cover the land: hitting only these is a click on empty map. */
    private static final Set<String> AREA_LAYERS =
            Set.of(BasemapLayers.COUNTRIES, BasemapLayers.OBLASTS);

    private final ObjectProperty<LoadedMap> map = new SimpleObjectProperty<>(this, "map");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<List<Hit>> selection = new SimpleObjectProperty<>(this, "selection", List.of());
    /** The incident whose entry is open in the details pane: the one Edit… and Delete… act on. */
    private final ObjectProperty<Incident> openIncident = new SimpleObjectProperty<>(this, "openIncident");
    private final StringProperty pointer = new SimpleStringProperty(this, "pointer", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final Texts texts;
    private final IdentifyService identifyService = new IdentifyService();
    /** The open store's sub-types (the built-in ones until a store is open). */
    private volatile Vocabulary vocabulary = Vocabulary.builtIn();
    private final Object incidentsLock = new Object();
    /** The incident layer's source as the latest change left it; guarded by incidentsLock. */
    private IncidentFeatureSource latest;
    /** The cluster whose list the selection shows, page by page; null when the selection is not one. */
    private ClusterClick listed;
    /**
     * Where the next page of the listed cluster starts in its list. The list is the one of the click
     * (the index as it was then), so it stays put while incidents are edited: a deleted one is left out
     * when its page is read, and no member is listed twice.
     */
    private int listedNext;
    /** Listed members of the listed cluster deleted since the click. */
    private int listedDeleted;
    /** Whether the message shown is a hint (see {@link #hint}). */
    private boolean hint;
    /** The view of all Kazakhstan as last fitted, while the user has not moved it since; else null. */
    private Viewport fitted;
    /** True while {@link #hint} sets the message. */
    private boolean hintShown;
    /** The filter the map shows (JavaFX thread), and the record scan made for it, kept while its record parts stay. */
    private final ReadOnlyObjectWrapper<IncidentFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter",
            IncidentFilter.ALL);
    private RecordMatches matches;
    /** Counts the edits and imports that changed the incidents shown, for the filter to be applied again. */
    private final ReadOnlyLongWrapper recordsChanged = new ReadOnlyLongWrapper(this, "recordsChanged");
    private final ReadOnlyLongWrapper vocabularyChanged = new ReadOnlyLongWrapper(this, "vocabularyChanged");
    /** The timeline's incidents for the filter's parts other than its days, or null. */
    private Undated undated;
    /** Where the pointer is over the map, in pixels; NaN when it is not over it. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    /** The day whose place names the map's labels show: the filter's last day, null for today's names. */
    private LocalDate labelDay;
    /** The language of the map's labels: the window's, unless {@link #labelLanguage} chose another. */
    private Locale language;
    /** Records read per page of a cluster's list. */
    static final int PAGE = 25;

    ObjectProperty<LoadedMap> mapProperty() {
        return map;
    }

    ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    ObjectProperty<List<Hit>> selectionProperty() {
        return selection;
    }

    ObjectProperty<Incident> openIncidentProperty() {
        return openIncident;
    }

    StringProperty pointerProperty() {
        return pointer;
    }

    StringProperty messageProperty() {
        return message;
    }

    /** The words of the window in its language. */
    Texts texts() {
        return texts;
    }

    /** The window's language, for what builds the map's layers (names of places where one exists in it). */
    UiLanguage language() {
        return texts.language();
    }

    MapViewModel() {
        this(Texts.ENGLISH);
    }

    /** @param texts the language the window speaks, and its map labels where a name exists in it */
    MapViewModel(Texts texts) {
        this.texts = texts;
        this.language = texts.language().locale();
        message.set(texts.text("status.loading"));
        viewport.addListener((o, old, vp) -> {
            if (vp == null || !vp.equals(fitted)) {
                fitted = null; // the user has moved the view
            }
        });
        // What the status bar and the pointer's coordinates say belongs to the view it was said of.
        viewport.addListener((o, old, vp) -> {
            if (!hint) {
                message.set("");
            }
            if (!Double.isNaN(pointerX)) {
                pointerAt(pointerX, pointerY);
            }
        });
        message.addListener((o, old, text) -> hint = hintShown);
    }

    /**
     * Shows a message that stays while the view changes (what a mode expects of the user), until another
     * message replaces it. Other messages go with the next change of the view.
     */
    void hint(String text) {
        hintShown = true;
        try {
            message.set(text);
        } finally {
            hintShown = false;
        }
    }

    /**
     * The view for a map that got another size: while the view is all of Kazakhstan as the start or ⌂
     * fitted it, the country fitted again (a window takes its final size only after the map was first
     * fitted, and a country cut off at the side is no start); once the user has moved the view, the same
     * centre and scale. JavaFX thread.
     */
    Viewport resizedView(Viewport vp, int width, int height) {
        if (fitted != null && vp.equals(fitted) && map.get() != null) {
            fitted = Viewport.fitting(map.get().home(), Math.max(1, width), Math.max(1, height), 20);
            return fitted;
        }
        return vp.resized(width, height);
    }

    private void fitWholeCountry(int width, int height) {
        fitted = Viewport.fitting(map.get().home(), Math.max(1, width), Math.max(1, height), 20);
        viewport.set(fitted);
    }

    /** Takes a freshly loaded map and shows all of Kazakhstan. */
    void loaded(LoadedMap loaded, int width, int height) {
        IncidentFeatureSource incidents = incidentSource(loaded);
        synchronized (incidentsLock) {
            latest = incidents;
        }
        // The basemap comes labelled in English with today's names.
        map.set(Locale.ENGLISH.equals(language) && labelDay == null ? loaded : loaded.labelled(labelDay, language));
        fitWholeCountry(width, height);
        message.set(texts.format("status.loaded", incidents == null ? 0 : incidents.index().size()));
    }

    /**
     * Takes the street layers read again after a street import (JavaFX thread). Only they change: the
     * other layers, the incidents (with any edit saved meanwhile) and the view stay as they are.
     */
    void streetsReloaded(List<MapLayer> streets, List<OsmPlace> places) {
        updateModel(m -> m.withStreets(streets));
        LoadedMap m = map.get();
        if (m != null) {
            map.set(m.withImportedPlaces(places));
        }
        message.set(texts.text("status.streetsUpdated"));
    }

    /** Any thread: the incident layer's source as the latest change left it (null before the map is loaded). */
    IncidentFeatureSource latestIncidents() {
        synchronized (incidentsLock) {
            return latest;
        }
    }

    private static IncidentFeatureSource incidentSource(LoadedMap m) {
        return m.model().layer(IncidentLayer.NAME).flatMap(IncidentLayer::indexed).orElse(null);
    }

    /** How many incidents the map shows. */
    int incidentCount() {
        IncidentFeatureSource shown = map.get() == null ? null : incidentSource(map.get());
        return shown == null ? 0 : shown.index().size();
    }

    /** The incident the user has open in the details pane, if any. */
    Optional<Incident> selectedIncident() {
        return Optional.ofNullable(openIncident.get());
    }

    /**
     * Worker thread, after a step of the edit history: the incident layer's source with the step's
     * incident moved, added or removed in the index. Steps come one at a time from the edit thread, each
     * applied to what the one before left, whether or not the JavaFX thread has shown that yet.
     */
    IncidentFeatureSource afterEdit(EditHistory.Step step) {
        synchronized (incidentsLock) {
            if (latest == null) {
                return null;
            }
            latest = latest.afterEdit(step.rowBefore(), step.rowAfter(), step.incident());
            return latest;
        }
    }

    /** The sub-types of the open store, for reading a saved view's filter. Any thread. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Uses the sub-types of the store just opened. */
    void useVocabulary(Vocabulary storeVocabulary) {
        vocabulary = storeVocabulary;
    }

    /** Worker thread, after an import: the incident layer's source with the index read again from {@code store}. */
    IncidentFeatureSource reread(IncidentStore store) throws StoreException {
        IncidentFeatureSource before = latestIncidents();
        if (before == null) {
            return null;
        }
        // Read outside the lock: a million positions take a moment, and the records stay the same.
        IncidentFeatureSource read = before.reread(store);
        synchronized (incidentsLock) {
            latest = latest.withIndex(read.index());
            return latest;
        }
    }

    /**
     * Takes an edit: the incident with {@code id} is now {@code now} (null: removed) and {@code changed}
     * is the layer's source with it (see {@link #afterEdit}). The view stays where it is; the selection
     * is shown again so the details follow the change.
     */
    void incidentChanged(String id, Incident now, IncidentFeatureSource changed) {
        showIncidents(changed);
        List<Hit> kept = new ArrayList<>();
        for (Hit h : selection.get()) {
            if (!IncidentLayer.NAME.equals(h.layer()) || !h.featureId().equals(id)) {
                kept.add(h);
            } else if (now != null) {
                kept.add(new Hit(h.layer(), h.layerTitle(), h.featureId(), h.distancePx(), h.attributes(), now));
            } else if (listed != null) {
                listedDeleted++;
            }
        }
        List<Hit> selected = kept.stream().anyMatch(h -> IncidentLayer.NAME.equals(h.layer())) ? List.copyOf(kept) : List.of();
        if (selected.isEmpty()) {
            listed = null;
        }
        selection.set(selected);
    }

    /** Takes the incidents read again after an import; the view stays where it is. */
    void incidentsReplaced(IncidentFeatureSource changed) {
        showIncidents(changed);
        listed = null;
        selection.set(List.of());
    }

    /**
     * The incident layer narrowed by a filter, made by {@link #filtering} for {@link #filtered}.
     *
     * @param filter the filter it was made for
     * @param source the layer's source with only the incidents that pass
     * @param matches the record scan it used
     * @param total the incidents before filtering
     */
    record Filtered(IncidentFilter filter, IncidentFeatureSource source, RecordMatches matches, int total) {
    }

    /**
     * What the timeline counts: the incidents that pass every part of a filter but its days, so that
     * days can be chosen on it. Kept while only the days change (brushing, playing).
     *
     * @param filter the filter without its days
     * @param of the index it was narrowed from
     * @param index the incidents that pass
     */
    record Undated(IncidentFilter filter, IncidentIndex of, IncidentIndex index) {
    }

    /** The filter the map shows (or is about to). */
    IncidentFilter filter() {
        return filter.get();
    }

    /** Changes each time an edit or an import gives the map new incidents, which a filter must narrow again. */
    /** Counts the sub-types added while the window is open: the incident markers follow it. */
    ReadOnlyLongProperty vocabularyChangedProperty() {
        return vocabularyChanged.getReadOnlyProperty();
    }

    /** A sub-type was added to the store (JavaFX thread). */
    void vocabularyChanged() {
        vocabularyChanged.set(vocabularyChanged.get() + 1);
    }

    ReadOnlyLongProperty recordsChangedProperty() {
        return recordsChanged.getReadOnlyProperty();
    }

    /** The filter the map shows (or is about to): the filter panel and the timeline follow it. */
    ReadOnlyObjectProperty<IncidentFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /**
     * JavaFX thread: asks for the map to show only the incidents that pass {@code wanted}, and returns the
     * work that narrows the incident layer, to run on a worker (it may read every record once, for text,
     * names, sources, tags or an expression); hand its result to {@link #filtered}.
     */
    Callable<Filtered> filtering(IncidentFilter wanted) {
        filter.set(wanted);
        IncidentFeatureSource full = latestIncidents();
        RecordMatches known = matches;
        return () -> {
            if (full == null) {
                return new Filtered(wanted, null, known, 0);
            }
            if (wanted.isEmpty()) {
                return new Filtered(wanted, full, known, full.index().size());
            }
            FilteredModel.Narrowed n = FilteredModel.narrow(full, wanted, known, MapProjection.kazakhstan());
            return new Filtered(wanted, n.source(), n.matches(), full.index().size());
        };
    }

    /**
     * JavaFX thread: the incidents the timeline counts for the filter shown (those it passes whatever
     * their date), or empty when they are still to be made by {@link #undating}: the map's frame comes
     * first, the timeline's bars after it.
     */
    Optional<IncidentIndex> timelineIncidents() {
        IncidentFeatureSource full = latestIncidents();
        if (full == null) {
            return Optional.empty();
        }
        IncidentFilter timeless = filter.get().withoutTime();
        if (timeless.isEmpty()) {
            return Optional.of(full.index());
        }
        Undated u = undated;
        return u != null && u.of() == full.index() && u.filter().equals(timeless) ? Optional.of(u.index()) : Optional.empty();
    }

    /** JavaFX thread: the work that makes {@link #timelineIncidents} for the filter shown, to run on a worker. */
    Callable<Undated> undating() {
        IncidentFeatureSource full = latestIncidents();
        IncidentFilter timeless = filter.get().withoutTime();
        RecordMatches known = matches;
        return () -> new Undated(timeless, full.index(),
                FilteredModel.narrow(full, timeless, known, MapProjection.kazakhstan()).source().index());
    }

    /** JavaFX thread: keeps what {@link #undating} made; false (and nothing kept) when the filter moved on. */
    boolean undated(Undated u) {
        IncidentFeatureSource full = latestIncidents();
        if (full == null || u.of() != full.index() || !u.filter().equals(filter.get().withoutTime())) {
            return false;
        }
        undated = u;
        return true;
    }

    /**
     * JavaFX thread: shows a narrowed layer, unless another filter was asked for since (or an edit came):
     * false then, and nothing changes.
     */
    boolean filtered(Filtered result) {
        if (result.filter() != filter.get() || result.source() == null || latestIncidents() == null) {
            return false;
        }
        matches = result.matches();
        LoadedMap m = map.get();
        LoadedMap next = m.withModel(m.model().with(IncidentLayer.NAME, old -> old.withSource(result.source())));
        // Places are labelled with their names of the last day shown (Nur-Sultan in a 2020 view).
        LocalDate day = result.filter().to();
        if (!m.labels().sameNames(day, labelDay)) {
            next = next.labelled(day, language);
        }
        labelDay = day;
        map.set(next);
        int shown = result.source().index().size();
        message.set(filter.get().isEmpty() ? texts.format("status.incidents", shown)
                : filter.get().describe(shown, result.total(), texts));
        return true;
    }

    /** JavaFX thread: {@link #filtering} on a worker of {@code workers}, then {@link #filtered}. */
    void setFilter(IncidentFilter wanted, Workers workers) {
        workers.run(filtering(wanted), this::filtered, e -> message.set(texts.format("status.filterFailed", e.getMessage())));
    }

    private void showIncidents(IncidentFeatureSource changed) {
        LoadedMap m = map.get();
        if (m != null && changed != null) {
            // An edit or an import changed the records: a filter's scan of them is made again, and until
            // the window has applied it again (it follows recordsChanged) the layer shows the change unfiltered.
            matches = null;
            // Only the features change: the layer keeps its style and whether it is shown.
            map.set(m.withModel(m.model().withIncidents(changed)));
            recordsChanged.set(recordsChanged.get() + 1);
        }
    }

    /** Back to all of Kazakhstan; what was selected in the view left behind is let go. */
    void home() {
        Viewport vp = viewport.get();
        if (map.get() != null && vp != null) {
            clearSelection();
            fitWholeCountry(vp.width(), vp.height());
        }
    }

    /**
     * What a search found.
     *
     * @param error why the view did not move, or empty when it moved to the place named
     * @param matched when the view moved through another name than the place's own, which name it was
     *        ("Nur-Sultan \u2014 the name of Astana from 2019-03-23 to 2022-09-17")
     * @param suggestions places the user may have meant, to pick from: near misses when the view did not
     *        move, every place the name means when it means more than one (the first is where the view
     *        went)
     */
    record Search(Optional<String> error, Optional<String> matched, List<Gazetteer.Match> suggestions) {
    }

    /** Suggestions offered for a name that is not known. */
    static final int SUGGESTIONS = 6;

    /**
     * Zooms to the city or oblast named exactly (a large city or an oblast before a small place of the
     * same name, a place's own name before a former or alternate name of another). When the name means
     * places of more than one kind of name (Zhambyl: the oblast, and a former name of Taraz), all are
     * offered. A position ("44.07, 70.07", see {@link CoordinateQuery}) is shown at street scale. Any
     * other text leaves the view as it is and offers the places the user may have meant.
     */
    Search search(String name) {
        LoadedMap m = map.get();
        Viewport vp = viewport.get();
        if (m == null || vp == null) {
            return new Search(Optional.of(texts.text("search.loading")), Optional.empty(), List.of());
        }
        if (name == null || name.isBlank()) {
            return new Search(Optional.of(texts.text("search.empty")),
                    Optional.empty(), List.of());
        }
        Optional<double[]> position = CoordinateQuery.parse(name);
        if (position.isPresent()) {
            zoomToPosition(position.get()[0], position.get()[1]);
            return new Search(Optional.empty(), Optional.empty(), List.of());
        }
        List<Gazetteer.Match> exact = m.gazetteer().matches(name);
        if (!exact.isEmpty()) {
            Gazetteer.Match first = exact.get(0);
            zoomTo(first.place());
            Optional<String> matched = Optional.ofNullable(first.note()).map(n -> PlaceWords.says(first, texts));
            matched.ifPresent(t -> message.set(texts.format("search.matchedZoomed", t, PlaceWords.description(first.place(), texts))));
            boolean ambiguous = exact.size() > 1 && exact.stream().anyMatch(x -> x.note() != null);
            if (ambiguous && matched.isEmpty()) {
                message.set(texts.format("search.ambiguous", name.strip(), exact.size(),
                        PlaceWords.description(first.place(), texts)));
            }
            return new Search(Optional.empty(), matched, ambiguous ? exact : List.of());
        }
        List<Gazetteer.Match> near = m.gazetteer().suggest(name, SUGGESTIONS).stream()
                .map(p -> new Gazetteer.Match(p, p.name(), null)).toList();
        String text = texts.format(near.isEmpty() ? "search.unknown" : "search.unknownNear", name.strip());
        message.set(text);
        return new Search(Optional.of(text), Optional.empty(), near);
    }

    /** Shows a typed position at {@value #POSITION_SCALE}, a street scale. The selection is let go. */
    private void zoomToPosition(double lon, double lat) {
        Viewport vp = viewport.get();
        clearSelection();
        Coordinate c = vp.projection().toMap(lon, lat);
        viewport.set(Viewport.atScale(c.x, c.y, POSITION_SCALE, vp.width(), vp.height(), vp.projection()));
        message.set(texts.format("search.position", texts.number(lat, 5), texts.number(lon, 5)));
    }

    /** Scale at which a typed position is shown: streets and buildings drawn, a few blocks around. */
    static final double POSITION_SCALE = 10_000;

    /** Shows {@code p}: a city at a scale that fits its size, an oblast whole. The selection is let go. */
    void zoomTo(Gazetteer.Place p) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        clearSelection();
        MapProjection proj = vp.projection();
        if (p.extent() != null) {
            Envelope e = p.extent();
            Envelope mapped = new Envelope();
            for (double x : new double[] {e.getMinX(), e.centre().x, e.getMaxX()}) {
                for (double y : new double[] {e.getMinY(), e.centre().y, e.getMaxY()}) {
                    Coordinate c = proj.toMap(x, y);
                    mapped.expandToInclude(c.x, c.y);
                }
            }
            viewport.set(Viewport.fitting(mapped, vp.width(), vp.height(), 20, proj));
        } else {
            Coordinate c = proj.toMap(p.lon(), p.lat());
            viewport.set(Viewport.atScale(c.x, c.y, p.zoomScale(), vp.width(), vp.height(), proj));
        }
        message.set(texts.format("search.zoomed", PlaceWords.description(p, texts)));
    }

    /**
     * Worker thread: what a click at (x, y) of {@code vp} hits.
     *
     * @param drawn the clusters of the frame on screen when the user clicked
     */
    List<Hit> identify(LoadedMap m, Viewport vp, double x, double y, FrameGroups drawn) throws java.io.IOException {
        return identifyService.identify(m.model(), vp, x, y, IdentifyService.DEFAULT_TOLERANCE_PX, drawn);
    }

    /**
     * Shows the hits of a click. A click that hits only areas (the country, an oblast) counts as a
     * click on empty map: it clears the selection and names the areas in the status bar. A click on a
     * cluster zooms to its incidents and selects them all.
     */
    void select(List<Hit> clicked) {
        List<Hit> hits = clicked;
        Optional<ClusterClick> cluster = ClusterClick.of(clicked, viewport.get());
        listed = cluster.orElse(null);
        // Positions in the cluster's list: the click read the first page, though some of it may be gone.
        listedNext = RecordPages.FIRST_PAGE;
        listedDeleted = 0;
        if (cluster.isPresent()) {
            viewport.set(cluster.get().zoomTo());
            hits = cluster.get().members();
        }
        List<Hit> shown = hits.stream().filter(h -> !AREA_LAYERS.contains(h.layer())).toList();
        selection.set(shown.isEmpty() ? List.of() : List.copyOf(hits));
        long n = shown.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).count();
        if (shown.isEmpty()) {
            message.set(hits.stream().map(h -> String.valueOf(h.attributes().get("name")))
                    .collect(Collectors.joining(" \u00b7 ")));
        } else if (cluster.isPresent() && cluster.get().count() > n) {
            message.set(texts.format("status.clusterListed", cluster.get().count(), n));
        } else {
            message.set(n > 1 ? texts.format("status.incidentsHere", n) : n == 1 ? texts.text("status.oneIncident")
                    : texts.has("layer." + shown.get(0).layer()) ? texts.text("layer." + shown.get(0).layer())
                    : shown.get(0).layerTitle());
        }
    }

    /**
     * Selects one incident as the incident table picked it, as a click on its marker would: its marker
     * is highlighted and its details shown. The view keeps its scale and pans to the incident at
     * ({@code x}, {@code y}) only when it lies outside the view or at its very edge.
     */
    void selectListed(Incident i, int casualties, double x, double y) {
        listed = null;
        Viewport vp = viewport.get();
        if (vp != null) {
            Envelope inner = vp.bounds();
            inner.expandBy(-0.05 * Math.min(inner.getWidth(), inner.getHeight()));
            if (!inner.contains(x, y)) {
                viewport.set(vp.pannedTo(x, y));
            }
        }
        selection.set(List.of(new Hit(IncidentLayer.NAME, IncidentLayer.TITLE, i.id(), 0,
                IncidentLayer.attributes(i, casualties), i)));
        message.set(i.title());
    }

    /** How many incidents the selection stands for: a cluster's count, though only its first pages are read. */
    int selectionTotal() {
        long shown = selection.get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).count();
        return listed == null ? (int) shown : Math.max(listed.count() - listedDeleted, (int) shown);
    }

    /**
     * A page of a cluster's list as read off the JavaFX thread.
     *
     * @param from the cluster it belongs to
     * @param next where the page after it starts in the cluster's list
     */
    record ListPage(ClusterClick from, List<Hit> hits, int next) {
    }

    /** The next page of the selected cluster's list, if it has more than is shown: read it off the JavaFX thread. */
    Optional<Callable<ListPage>> nextPage() {
        if (listed == null || listed.pages() == null || listedNext >= listed.count()) {
            return Optional.empty();
        }
        ClusterClick from = listed;
        int at = listedNext;
        return Optional.of(() -> new ListPage(from, from.pages().page(at, PAGE).stream()
                .map(i -> ClusterClick.member(from.members().get(0), i)).toList(), at + PAGE));
    }

    /**
     * Adds a page of the selected cluster's list to the selection (JavaFX thread), unless another click
     * came first or the page was added already. Returns whether the selection changed: a page whose
     * members were all deleted meanwhile only moves the list on.
     */
    boolean addPage(ListPage page) {
        if (listed == null || page.from() != listed || page.next() <= listedNext) {
            return false;
        }
        listedNext = page.next();
        if (page.hits().isEmpty()) {
            return false;
        }
        List<Hit> all = new ArrayList<>(selection.get());
        all.addAll(page.hits());
        selection.set(List.copyOf(all));
        return true;
    }

    /** Changes the layers (visibility, opacity, order, style); the map redraws with the new model. */
    void updateModel(UnaryOperator<MapModel> change) {
        LoadedMap m = map.get();
        if (m != null) {
            map.set(m.withModel(change.apply(m.model())));
        }
    }

    /** Labels places in {@code chosen} from now on (the window's language), and the map shown now too. */
    void labelLanguage(Locale chosen) {
        language = chosen;
        LoadedMap m = map.get();
        if (m != null) {
            map.set(m.labelled(labelDay, language));
        }
    }

    /** What {@code i}'s place and oblast were called on its day, when not today's names; else null. */
    String namesOfItsDay(Incident i) {
        LoadedMap m = map.get();
        return m == null ? null : m.labels().onItsDay(i.place(), i.oblast(), i.date(), language);
    }

    /** Map points (metres) of the selected incidents, for highlight rings. */
    List<double[]> selectedPoints() {
        Viewport vp = viewport.get();
        if (vp == null) {
            return List.of();
        }
        MapProjection proj = vp.projection();
        return selection.get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer()) && !h.isCluster())
                .flatMap(h -> h.records().stream())
                .map(i -> {
                    Coordinate c = proj.toMap(i.lon(), i.lat());
                    return new double[] {c.x, c.y};
                }).toList();
    }

    /** Clears the selection (Escape, or a new place searched). */
    void clearSelection() {
        listed = null;
        selection.set(List.of());
    }

    /** Updates the status text for the pointer at (x, y). */
    void pointerAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        Coordinate w = vp.toWorld(x, y);
        Coordinate ll = vp.projection().toLonLat(w.x, w.y);
        pointer.set(texts.format("status.pointer", String.format(Locale.ROOT, "%.5f", Math.abs(ll.y)),
                texts.text(ll.y >= 0 ? "compass.n" : "compass.s"), String.format(Locale.ROOT, "%.5f", Math.abs(ll.x)),
                texts.text(ll.x >= 0 ? "compass.e" : "compass.w")));
    }

    /** The pointer left the map: its coordinates are no longer shown. */
    void pointerLeft() {
        pointerX = Double.NaN;
        pointerY = Double.NaN;
        pointer.set("");
    }

    static String scaleText(Viewport vp) {
        return scaleText(vp, Texts.ENGLISH);
    }

    /** The scale as 1:N, N grouped as the language groups digits. */
    static String scaleText(Viewport vp, Texts texts) {
        return vp == null ? "" : "1:" + texts.number(Math.round(vp.scaleDenominator()));
    }
}
