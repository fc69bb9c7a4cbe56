package kz.incidentmap.view;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.store.IncidentStore;

/**
 * The user's own places as the window knows them: read from the store and written to it on a worker,
 * the list changed on the JavaFX thread only once the store has them. A failure is said in the status
 * bar and changes nothing.
 */
final class MyPlacesModel {

    private final ObservableList<MyPlace> places = FXCollections.observableArrayList();
    private final Workers workers;
    private final Supplier<IncidentStore> store;
    private final Consumer<String> say;
    private final Texts texts;

    MyPlacesModel(Workers workers, Supplier<IncidentStore> store, Consumer<String> say, Texts texts) {
        this.texts = texts;
        this.workers = workers;
        this.store = store;
        this.say = say;
    }

    /** The places, by name; JavaFX thread only. */
    ObservableList<MyPlace> places() {
        return places;
    }

    /** A copy of the places, for a reader on any thread (the details pane reads it on the JavaFX thread). */
    List<MyPlace> snapshot() {
        return List.copyOf(places);
    }

    /** Reads the places of the store again. */
    void reload() {
        IncidentStore s = store.get();
        if (s == null) {
            return;
        }
        workers.run(s::myPlaces, places::setAll, e -> say.accept(texts.format("myPlaces.readFailed", e.getMessage())));
    }

    void add(MyPlace place) {
        write(s -> s.addMyPlace(place), texts.format("myPlaces.marked", place.name()), texts.text("myPlaces.addFailed"));
    }

    void rename(MyPlace place, String newName) {
        write(s -> {
            if (!s.renameMyPlace(place.name(), newName)) {
                throw new IllegalStateException(texts.format("myPlaces.gone", place.name()));
            }
        }, texts.format("myPlaces.renamed", place.name(), newName.strip()), texts.text("myPlaces.renameFailed"));
    }

    void delete(MyPlace place) {
        write(s -> s.deleteMyPlace(place.name()), texts.format("myPlaces.deleted", place.name()),
                texts.text("myPlaces.deleteFailed"));
    }

    private interface Write {
        void to(IncidentStore s) throws Exception;
    }

    private void write(Write w, String done, String failed) {
        IncidentStore s = store.get();
        if (s == null) {
            say.accept(texts.format("myPlaces.failedNotOpen", failed));
            return;
        }
        workers.run(() -> {
            w.to(s);
            return s.myPlaces();
        }, now -> {
            places.setAll(now);
            say.accept(done);
        }, e -> say.accept(texts.format("myPlaces.failed", failed, e.getMessage())));
    }
}
