package kz.incidentmap.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.model.Incident;

/**
 * The records of a table's selected rows, for an export: read by row id {@value #CHUNK} at a time as
 * the export goes through them, so a large selection is never held whole. Rows deleted since they were
 * selected are left out. Iterated on a worker thread; a failed read ends it with an {@link UncheckedIOException}.
 */
final class SelectedRecords extends AbstractCollection<Incident> {

    static final int CHUNK = 500;

    private final IncidentRecords records;
    private final long[] rowIds;

    SelectedRecords(IncidentRecords records, long[] rowIds) {
        this.records = records;
        this.rowIds = rowIds.clone();
    }

    @Override
    public int size() {
        return rowIds.length;
    }

    @Override
    public Iterator<Incident> iterator() {
        return new Iterator<>() {
            private Incident[] chunk = new Incident[0];
            private int read;
            private int at;
            private Incident next;

            @Override
            public boolean hasNext() {
                while (next == null && (at < chunk.length || read < rowIds.length)) {
                    if (at == chunk.length) {
                        chunk = readChunk(read);
                        read += chunk.length;
                        at = 0;
                    }
                    next = chunk[at++];
                }
                return next != null;
            }

            @Override
            public Incident next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Incident i = next;
                next = null;
                return i;
            }
        };
    }

    private Incident[] readChunk(int from) {
        try {
            return records.inOrder(Arrays.copyOfRange(rowIds, from, Math.min(rowIds.length, from + CHUNK)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
