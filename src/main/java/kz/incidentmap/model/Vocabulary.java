package kz.incidentmap.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sub-types one store knows: the built-in ones and those the store added (see
 * {@link IncidentSubType}). One instance per open store, shared by its readers, the form and the
 * importers; an import that meets a sub-type nobody knows adds it here, and the store's writer keeps it
 * with the first record that uses it. Safe to share between threads: lookups read an immutable
 * snapshot, additions are serialised.
 */
public final class Vocabulary {

    private record Snapshot(List<IncidentSubType> byOrdinal, Map<String, IncidentSubType> byCode) {
    }

    private volatile Snapshot snapshot;

    private Vocabulary(Collection<IncidentSubType> subTypes) {
        snapshot = snapshot(subTypes);
    }

    /** The built-in sub-types only. */
    public static Vocabulary builtIn() {
        return new Vocabulary(IncidentSubType.BUILT_IN);
    }

    /** The built-in sub-types and {@code added} (a store's own, read from its vocabulary table). */
    public static Vocabulary withAdded(Collection<IncidentSubType> added) {
        List<IncidentSubType> all = new ArrayList<>(IncidentSubType.BUILT_IN);
        for (IncidentSubType s : added) {
            if (!s.builtIn()) {
                all.add(s);
            }
        }
        return new Vocabulary(all);
    }

    private static Snapshot snapshot(Collection<IncidentSubType> subTypes) {
        int size = subTypes.stream().mapToInt(IncidentSubType::ordinal).max().orElse(-1) + 1;
        List<IncidentSubType> byOrdinal = new ArrayList<>(Collections.nCopies(size, (IncidentSubType) null));
        Map<String, IncidentSubType> byCode = new HashMap<>();
        for (IncidentSubType s : subTypes) {
            if (byOrdinal.get(s.ordinal()) != null || byCode.containsKey(s.code())) {
                throw new IllegalArgumentException("sub-type '" + s.code() + "' (number " + s.ordinal()
                        + ") is defined twice");
            }
            byOrdinal.set(s.ordinal(), s);
            byCode.put(s.code(), s);
        }
        return new Snapshot(Collections.unmodifiableList(byOrdinal), Map.copyOf(byCode));
    }

    /** The sub-type with this code (ignoring case and surrounding blanks). */
    public Optional<IncidentSubType> subType(String code) {
        return Optional.ofNullable(snapshot.byCode.get(normal(code)));
    }

    /** The sub-type with this code; an unknown code is an error that lists the known ones. */
    public IncidentSubType require(String code) {
        return subType(code).orElseThrow(() -> new IllegalArgumentException("unknown incident sub-type '" + code
                + "' (known: " + String.join(", ", subTypes().stream().map(IncidentSubType::code).toList()) + ")"));
    }

    /** The sub-type numbered {@code ordinal}, or null when there is none. */
    public IncidentSubType byOrdinal(int ordinal) {
        List<IncidentSubType> all = snapshot.byOrdinal;
        return ordinal >= 0 && ordinal < all.size() ? all.get(ordinal) : null;
    }

    /** One more than the highest number in use: the size of a table indexed by ordinal. */
    public int size() {
        return snapshot.byOrdinal.size();
    }

    /** Every sub-type, by ordinal. */
    public List<IncidentSubType> subTypes() {
        return snapshot.byOrdinal.stream().filter(s -> s != null).toList();
    }

    /** The sub-types a store added (not built in), by ordinal. */
    public List<IncidentSubType> added() {
        return subTypes().stream().filter(s -> !s.builtIn()).toList();
    }

    /** The sub-types of one family, by ordinal. */
    public List<IncidentSubType> of(IncidentType type) {
        return subTypes().stream().filter(s -> s.type() == type).toList();
    }

    /** The sub-type of {@code type} with this code or label (ignoring case, blanks and punctuation). */
    public Optional<IncidentSubType> find(IncidentType type, String codeOrLabel) {
        Optional<IncidentSubType> byCode = subType(codeOrLabel).filter(s -> s.type() == type);
        if (byCode.isPresent()) {
            return byCode;
        }
        String wanted = IncidentSubType.codeFor(codeOrLabel == null ? "" : codeOrLabel);
        return of(type).stream().filter(s -> IncidentSubType.codeFor(s.label()).equals(wanted)
                || IncidentSubType.codeFor(s.acledSubEventType()).equals(wanted) && s.builtIn()).findFirst();
    }

    /** The first sub-type for an ACLED event type and sub-event type (compared ignoring case). */
    public Optional<IncidentSubType> fromAcled(String eventType, String subEventType) {
        return subTypes().stream().filter(s -> s.acledEventType().equalsIgnoreCase(trim(eventType))
                && s.acledSubEventType().equalsIgnoreCase(trim(subEventType))).findFirst();
    }

    /** The sub-type standing for GTD's attack type of this name (compared ignoring case). */
    public Optional<IncidentSubType> fromGtd(String attackType) {
        return subTypes().stream().filter(s -> s.gtdAttackType() != null
                && s.gtdAttackType().equalsIgnoreCase(trim(attackType))).findFirst();
    }

    /**
     * Adds a sub-type to {@code type}, or gives the one it already has of that name. Its code is made
     * from the label, made unique with a number when another family has the same.
     *
     * @throws IllegalArgumentException for a blank label, an unknown shape or colour, or a full vocabulary
     */
    public synchronized IncidentSubType add(IncidentType type, String label, String mark, String colour) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a sub-type needs a name");
        }
        Optional<IncidentSubType> existing = find(type, label);
        if (existing.isPresent()) {
            return existing.get();
        }
        Snapshot now = snapshot;
        if (now.byOrdinal.size() >= IncidentSubType.MOST) {
            throw new IllegalArgumentException("cannot add sub-type '" + label.strip() + "': a store holds at most "
                    + IncidentSubType.MOST + " sub-types");
        }
        IncidentSubType made = IncidentSubType.added(now.byOrdinal.size(), type, label, mark, colour);
        String code = made.code();
        for (int n = 2; now.byCode.containsKey(code); n++) {
            code = made.code() + "_" + n;
        }
        made = new IncidentSubType(made.ordinal(), code, type, made.label(), made.acledEventType(),
                made.acledSubEventType(), made.disorderType(), null, mark, colour, false);
        List<IncidentSubType> all = new ArrayList<>(now.byOrdinal.stream().filter(s -> s != null).toList());
        all.add(made);
        snapshot = snapshot(all);
        return made;
    }

    private static String normal(String code) {
        return code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
