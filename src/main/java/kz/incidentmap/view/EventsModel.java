package kz.incidentmap.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.EventStop;
import kz.incidentmap.model.EventStops;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.store.IncidentStore;

/**
 * The store's events as the window knows them, and the one being played: read on a worker, kept and
 * stepped through on the JavaFX thread. The route drawn over the map is {@link #routeProperty()}: the
 * event played, up to its current step; null when none is played.
 */
final class EventsModel {

    /** Where an incident stands in an event: step {@code step} of {@code of}. */
    record Step(IncidentEvent event, int step, int of) {
    }

    /** What was read: the events and their member incidents by id in lower case. */
    private record Read(List<IncidentEvent> events, Map<String, Incident> incidents) {
    }

    private final Workers workers;
    private final Supplier<IncidentStore> store;
    private final Consumer<String> say;
    private final Texts texts;
    private final ReadOnlyObjectWrapper<EventRoute> route = new ReadOnlyObjectWrapper<>(this, "route");
    private Read read = new Read(List.of(), Map.of());
    private IncidentEvent playing;
    private List<EventStop> stops = List.of();

    EventsModel(Workers workers, Supplier<IncidentStore> store, Consumer<String> say, Texts texts) {
        this.workers = workers;
        this.store = store;
        this.say = say;
        this.texts = texts;
    }

    /**
     * Reads the events of the store again (on a worker): after an edit or an import. The event being
     * played goes on at its step, with its stops as they are now; one that is gone stops.
     */
    void reload() {
        IncidentStore s = store.get();
        if (s == null) {
            return;
        }
        workers.run(() -> {
            List<IncidentEvent> events = s.events();
            return new Read(events, new HashMap<>(s.incidentsOf(events)));
        }, r -> {
            read = r;
            EventRoute was = route.get();
            Optional<IncidentEvent> again = playing == null ? Optional.empty()
                    : r.events().stream().filter(e -> e.id().equals(playing.id())).findFirst();
            if (again.isPresent() && was != null) {
                play(again.get(), was.step());
            } else {
                stop();
            }
        }, e -> say.accept(texts.format("events.readFailed", e.getMessage())));
    }

    /** Events already read, for a test or another reader on the JavaFX thread. */
    List<IncidentEvent> events() {
        return read.events();
    }

    /** The first event the incident is a step of, with its step; a campaign only when no event has it. */
    Optional<Step> stepOf(Incident i) {
        Optional<Step> inEvent = stepOf(i, false);
        return inEvent.isPresent() ? inEvent : stepOf(i, true);
    }

    private Optional<Step> stepOf(Incident i, boolean campaigns) {
        for (IncidentEvent e : read.events()) {
            if (e.isCampaign() == campaigns) {
                List<EventStop> s = EventStops.of(e, read.events(), read.incidents());
                for (EventStop stop : s) {
                    if (stop.incident().id().equalsIgnoreCase(i.id())) {
                        return Optional.of(new Step(e, stop.number(), s.size()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Plays {@code e} from {@code step} (1 for its first stop). */
    void play(IncidentEvent e, int step) {
        List<EventStop> s = EventStops.of(e, read.events(), read.incidents());
        if (s.isEmpty()) {
            return;
        }
        playing = e;
        stops = s;
        route.set(EventRoute.of(e, s).atStep(Math.max(1, Math.min(step, s.size()))));
    }

    void next() {
        step(+1);
    }

    void previous() {
        step(-1);
    }

    private void step(int by) {
        EventRoute r = route.get();
        if (r != null) {
            route.set(r.atStep(Math.max(1, Math.min(r.step() + by, r.stops().size()))));
        }
    }

    void stop() {
        playing = null;
        stops = List.of();
        route.set(null);
    }

    ReadOnlyObjectProperty<EventRoute> routeProperty() {
        return route.getReadOnlyProperty();
    }

    /** The event played, or null. */
    IncidentEvent playing() {
        return playing;
    }

    /** The stop the playback is at, or null. */
    EventStop current() {
        EventRoute r = route.get();
        return r == null || r.step() == 0 ? null : stops.get(r.step() - 1);
    }

    /** The event played, by key, for a reader that knows the key ("taraz-2011-11-12"). */
    Optional<IncidentEvent> event(String key) {
        return read.events().stream().filter(e -> e.id().equalsIgnoreCase(key.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
