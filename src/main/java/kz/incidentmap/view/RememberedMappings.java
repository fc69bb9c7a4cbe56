package kz.incidentmap.view;

import java.util.List;
import java.util.Optional;
import kz.incidentmap.exchange.ColumnMapping;

/**
 * The column mappings chosen for CSV files of other programs, remembered in the window's settings under
 * {@code import.columns.HEADERKEY} (see {@link ColumnMapping#headerKey}), so that the next file with the
 * same header opens with the same choices. Saved with the other settings when the window closes. JavaFX
 * thread only, as the settings are.
 */
final class RememberedMappings {

    private static final String PREFIX = "import.columns.";

    private final WindowSettings settings;

    RememberedMappings(WindowSettings settings) {
        this.settings = settings;
    }

    /** The mapping chosen last for this header; empty when there is none or it no longer reads. */
    Optional<ColumnMapping> forHeader(List<String> header) {
        return settings.get(PREFIX + ColumnMapping.headerKey(header)).flatMap(spec -> {
            try {
                return Optional.of(ColumnMapping.parse(spec));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // written by another version, or edited by hand: guess afresh
            }
        });
    }

    void remember(List<String> header, ColumnMapping mapping) {
        settings.put(PREFIX + ColumnMapping.headerKey(header), mapping.spec());
    }
}
