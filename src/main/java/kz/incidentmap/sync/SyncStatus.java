package kz.incidentmap.sync;

/**
 * The link to the server as the status bar shows it.
 *
 * @param pending changes made here and not yet on the server
 * @param problem what is wrong with the link now (a lost connection, a refused write), or null
 */
public record SyncStatus(int pending, String problem) {

    /** "1 change not yet on the server", with the problem after it; empty when all is on the server. */
    public String words() {
        String waiting = pending == 0 ? "" : pending == 1 ? "1 change not yet on the server"
                : pending + " changes not yet on the server";
        if (problem == null) {
            return waiting;
        }
        return waiting.isEmpty() ? problem : waiting + " — " + problem;
    }
}
