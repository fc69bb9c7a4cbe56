package kz.incidentmap.render;

/**
 * The square tiles a basemap is cut into at one resolution: tile (col, row) covers the pixels
 * [col·{@value #SIZE}, (col+1)·{@value #SIZE}) × [row·{@value #SIZE}, (row+1)·{@value #SIZE}) of the whole
 * map drawn at that resolution, counted from the projection's origin (x to the east, y to the south).
 * Every frame at the resolution sees the same tiles, each at a whole-pixel offset, so tiles drawn for one
 * frame fit the next one seamlessly, as the tiles of a web map do.
 */
final class TileGrid {

    /** Side of a tile, pixels. */
    static final int SIZE = 512;

    private TileGrid() {
    }

    /**
     * The tiles {@code vp} shows, and where its top-left corner lies on the whole map in pixels (rounded to
     * a whole pixel: the basemap may stand up to half a pixel from where the exact view would put it).
     */
    record Span(long originX, long originY, long col0, long row0, long col1, long row1) {

        /** Where tile {@code col} starts in the frame, pixels. */
        int x(long col) {
            return Math.toIntExact(col * SIZE - originX);
        }

        /** Where tile {@code row} starts in the frame, pixels. */
        int y(long row) {
            return Math.toIntExact(row * SIZE - originY);
        }
    }

    static Span span(Viewport vp) {
        double mpp = vp.metresPerPixel();
        long ox = Math.round(vp.centerX() / mpp - vp.width() / 2.0);
        long oy = Math.round(-vp.centerY() / mpp - vp.height() / 2.0);
        return new Span(ox, oy, Math.floorDiv(ox, SIZE), Math.floorDiv(oy, SIZE),
                Math.floorDiv(ox + vp.width() - 1, SIZE), Math.floorDiv(oy + vp.height() - 1, SIZE));
    }

    /** The view that draws tile ({@code col}, {@code row}) at {@code vp}'s resolution, in its projection. */
    static Viewport tile(Viewport vp, long col, long row) {
        double mpp = vp.metresPerPixel();
        return new Viewport((col * SIZE + SIZE / 2.0) * mpp, -(row * SIZE + SIZE / 2.0) * mpp, mpp, SIZE, SIZE,
                vp.projection());
    }
}
