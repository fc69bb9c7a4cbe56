package kz.incidentmap.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.incidentmap.store.pg.ServerAddress;
import org.junit.jupiter.api.Test;

/** A record too large for a window's copy is refused before anything is read, saying what to do instead. */
class ServerReplicaSizeTest {

    private static final ServerAddress AT = ServerAddress.parse("postgresql://ana@db.example:5432/kim");
    private static final long GB = 1_000_000_000L;

    @Test
    void tenMillionIncidentsDoNotFitSixGigabytesAndTheWordsSayWhatToDo() {
        // The server's estimate, rounded in the words.
        String why = ServerReplica.tooLargeForMemory(AT, 10_000_957, 6 * GB).orElseThrow();
        assertEquals("ana@db.example:5432/kim holds about 10,000,000 incidents: a window keeps a copy of the record on"
                + " this machine, which needs about 30.0 GB of memory, more than the 6.0 GB Java may use here; open it"
                + " with the commands (snapshot, incidents, report, bench with --db postgresql://ana@db.example:5432/kim),"
                + " or start the window with more memory (JAVA_TOOL_OPTIONS=-Xmx…)", why);
    }

    @Test
    void aRecordThatFitsOrWhoseSizeIsNotKnownIsOpened() {
        assertTrue(ServerReplica.tooLargeForMemory(AT, 300_000, 2 * GB).isEmpty(), "0.9 GB of 2 GB");
        assertTrue(ServerReplica.tooLargeForMemory(AT, 2_000_000, 6 * GB).isEmpty(), "6.0 GB of 6 GB, just");
        assertTrue(ServerReplica.tooLargeForMemory(AT, 2_000_001, 6 * GB).isPresent());
        assertTrue(ServerReplica.tooLargeForMemory(AT, -1, 1).isEmpty(), "statistics not gathered yet");
    }
}
