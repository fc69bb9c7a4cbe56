package kz.incidentmap.layers;

/**
 * Keeps the k nearest of a stream of rows: a bounded max-heap on (squared distance, row id), so that
 * offering n rows costs n log k and nothing is boxed. Not thread-safe; one per query.
 */
public final class NearestRows {

    private final int capacity;
    private final double[] d2;
    private final long[] fid;
    private final int[] row;
    private int size;

    public NearestRows(int capacity) {
        this.capacity = capacity;
        this.d2 = new double[capacity];
        this.fid = new long[capacity];
        this.row = new int[capacity];
    }

    public void offer(double distance2, long id, int r) {
        if (capacity == 0) {
            return;
        }
        if (size < capacity) {
            d2[size] = distance2;
            fid[size] = id;
            row[size] = r;
            siftUp(size++);
        } else if (farther(0, distance2, id)) {
            d2[0] = distance2;
            fid[0] = id;
            row[0] = r;
            siftDown(0, size);
        }
    }

    /** The rows kept, nearest first. Empties the heap. */
    public int[] sorted() {
        int n = size;
        // Heap sort in place: the farthest goes to the end each time.
        for (int end = n - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        size = 0;
        int[] out = new int[n];
        System.arraycopy(row, 0, out, 0, n);
        return out;
    }

    /** Is the kept entry at {@code i} farther than (distance2, id)? */
    private boolean farther(int i, double distance2, long id) {
        return d2[i] > distance2 || (d2[i] == distance2 && fid[i] > id);
    }

    private boolean farther(int i, int j) {
        return farther(i, d2[j], fid[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!farther(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i, int n) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int r = l + 1;
            int big = r < n && farther(r, l) ? r : l;
            if (!farther(big, i)) {
                return;
            }
            swap(i, big);
            i = big;
        }
    }

    private void swap(int i, int j) {
        double t = d2[i];
        d2[i] = d2[j];
        d2[j] = t;
        long f = fid[i];
        fid[i] = fid[j];
        fid[j] = f;
        int r = row[i];
        row[i] = row[j];
        row[j] = r;
    }
}
