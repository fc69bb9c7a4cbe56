package kz.incidentmap.view;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.geometry.Point2D;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;

/**
 * The map's right-click menu, for the point clicked: copy its coordinates, add an incident there or mark
 * a place of the user's there (both off, with the reason, when the store cannot be written), zoom in
 * there, and what is there (the same as a click). JavaFX thread only.
 */
final class MapMenu {

    private final MapViewModel vm;
    private final MapCanvas canvas;
    private final ObservableStringValue readOnly;
    private final BiConsumer<Double, Double> addAt;
    private final BiConsumer<Double, Double> identify;
    private final BiConsumer<Double, Double> markPlace;
    private final ContextMenu menu = new ContextMenu();

    /**
     * @param readOnly why nothing can be written, or empty
     * @param addAt opens the form for a new incident at a longitude and latitude
     * @param identify does what a click at the screen point (x, y) does
     * @param markPlace opens the dialog that marks a place of the user's at a longitude and latitude
     */
    MapMenu(MapViewModel vm, MapCanvas canvas, ObservableStringValue readOnly, BiConsumer<Double, Double> addAt,
            BiConsumer<Double, Double> identify, BiConsumer<Double, Double> markPlace) {
        this.vm = vm;
        this.canvas = canvas;
        this.readOnly = readOnly;
        this.addAt = addAt;
        this.identify = identify;
        this.markPlace = markPlace;
        menu.setId("map-menu");
        // The right button opens it where it is pressed; the keyboard's menu key (or Shift+F10) in the
        // middle of the map.
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                show(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                Point2D s = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
                show(canvas.getWidth() / 2, canvas.getHeight() / 2, s.getX(), s.getY());
            }
            e.consume();
        });
    }

    ContextMenu menu() {
        return menu;
    }

    /** Shows the menu for the point (x, y) of the map, at (screenX, screenY) on the screen. */
    void show(double x, double y, double screenX, double screenY) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        Coordinate w = vp.toWorld(x, y);
        Coordinate ll = vp.projection().toLonLat(w.x, w.y);
        String coordinates = String.format(Locale.ROOT, "%.5f, %.5f", ll.y, ll.x);
        Texts t = vm.texts();
        MenuItem copy = item("menu-copy", t.format("menu.copy", coordinates), () -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(coordinates);
            Clipboard.getSystemClipboard().setContent(c);
            vm.messageProperty().set(t.format("menu.copied", coordinates));
        });
        boolean off = readOnly.get() != null && !readOnly.get().isEmpty();
        MenuItem add = item("menu-add", off ? t.format("menu.addOff", readOnly.get()) : t.text("menu.add"),
                () -> addAt.accept(ll.x, ll.y));
        add.setDisable(off);
        MenuItem zoom = item("menu-zoom", t.text("menu.zoom"), () -> vm.viewportProperty().set(vp.zoomedAt(x, y, 2)));
        MenuItem what = item("menu-identify", t.text("menu.identify"), () -> identify.accept(x, y));
        MenuItem mark = item("menu-my-place", off ? t.format("menu.markOff", readOnly.get()) : t.text("menu.mark"),
                () -> markPlace.accept(ll.x, ll.y));
        mark.setDisable(off);
        menu.getItems().setAll(what, zoom, copy, add, mark);
        menu.show(canvas, screenX, screenY);
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
