package kz.incidentmap.view;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.store.ValueCounts.ValueCount;

/**
 * A list of the values a column takes in the store, each with its count and a check box: what the
 * filter panel offers for perpetrators, groups claiming and oblasts. Virtualised, so a store with
 * thousands of names lists them without a node each. Names are compared as the filter compares them
 * ({@link IncidentFilter#nameKey}). JavaFX thread only.
 */
final class PickList extends ListView<ValueCount> {

    private static final int VISIBLE_ROWS = 5;

    private final Map<String, BooleanProperty> ticks = new LinkedHashMap<>();
    private Runnable onChange = () -> { };
    /** True while the ticks are set from a filter: that is no choice of the user's. */
    private boolean setting;

    PickList(String id, String accessibleText, Texts texts) {
        setId(id);
        setAccessibleText(accessibleText);
        setFixedCellSize(24);
        setPrefHeight(24 * VISIBLE_ROWS + 4);
        setMinHeight(24 * 2 + 4);
        setCellFactory(CheckBoxListCell.forListView(this::tick, new javafx.util.StringConverter<>() {
            @Override
            public String toString(ValueCount v) {
                return v == null ? "" : texts.format("filter.typeCount", v.value(), v.count());
            }

            @Override
            public ValueCount fromString(String s) {
                throw new UnsupportedOperationException("the list is not edited");
            }
        }));
        setPlaceholder(new javafx.scene.control.Label(texts.text("filter.noneInStore")));
    }

    void setOnChange(Runnable action) {
        onChange = action;
    }

    /** The values to offer; the ones ticked before stay ticked. */
    void offer(List<ValueCount> values) {
        Set<String> was = chosen();
        ticks.clear();
        getItems().setAll(values);
        choose(was);
    }

    /** The ticked values, as their keys. */
    Set<String> chosen() {
        Set<String> out = new LinkedHashSet<>();
        ticks.forEach((key, tick) -> {
            if (tick.get()) {
                out.add(key);
            }
        });
        return out;
    }

    /**
     * Ticks exactly the values whose keys are in {@code keys}, without telling {@link #setOnChange}. A
     * name no incident has (from a saved view) is listed with 0, so that it is seen and can be unticked.
     */
    void choose(Set<String> keys) {
        setting = true;
        try {
            for (String key : keys) {
                if (getItems().stream().noneMatch(v -> IncidentFilter.nameKey(v.value()).equals(key))) {
                    getItems().add(new ValueCount(key, 0));
                }
            }
            for (ValueCount v : getItems()) {
                tick(v).set(keys.contains(IncidentFilter.nameKey(v.value())));
            }
        } finally {
            setting = false;
        }
    }

    private BooleanProperty tick(ValueCount v) {
        return ticks.computeIfAbsent(IncidentFilter.nameKey(v.value()), k -> {
            BooleanProperty p = new SimpleBooleanProperty(false);
            p.addListener((o, a, b) -> {
                if (!setting) {
                    onChange.run();
                }
            });
            return p;
        });
    }
}
