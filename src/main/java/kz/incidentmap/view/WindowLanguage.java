package kz.incidentmap.view;

import java.util.Optional;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;

/**
 * The window's language menu. The choice is kept in the window's settings and taken at the next start:
 * every control made so far keeps its words, so the window is not rebuilt under the user's hands.
 */
final class WindowLanguage {

    static final String KEY = "window.language";

    private WindowLanguage() {
    }

    /** The language chosen in the menu, English if none was or the settings name an unknown one. */
    static UiLanguage chosen(WindowSettings settings) {
        return settings.get(KEY).flatMap(UiLanguage::ofCode).orElse(UiLanguage.EN);
    }

    /**
     * A menu of the languages, each in its own name, the window's own ticked. Choosing one keeps it
     * for the next start and says so, in the language chosen, through {@code told}.
     */
    static MenuButton menu(Texts texts, WindowSettings settings, java.util.function.Consumer<String> told) {
        MenuButton menu = new MenuButton(texts.language().nativeName());
        menu.setId("language");
        menu.setTooltip(new Tooltip(texts.text("language.tip")));
        menu.setAccessibleText(texts.text("language.name"));
        ToggleGroup group = new ToggleGroup();
        for (UiLanguage l : UiLanguage.values()) {
            RadioMenuItem item = new RadioMenuItem(l.nativeName());
            item.setId("language-" + l.code());
            item.setToggleGroup(group);
            item.setSelected(l == texts.language());
            item.setOnAction(e -> {
                settings.put(KEY, l.code());
                Optional<String> failed = settings.save();
                told.accept(failed.map(why -> texts.format("language.notKept", why)).orElseGet(() -> Texts.of(l).format(
                        l == texts.language() ? "language.kept" : "language.next", l.nativeName())));
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
