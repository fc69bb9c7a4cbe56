import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.sync.Conflict;
import kz.incidentmap.sync.SyncEvents;
import kz.incidentmap.sync.SyncSession;
import kz.incidentmap.sync.SyncStatus;

/**
 * Times what a window on a server waits for, without the window: opening a session (the local copy made
 * in CACHE, or opened and brought up to date), then three edits of one incident, each until it is on the
 * server and the status told. The edits append " ·" to the title of the copy's first incident and are
 * sent: run it on a scratch record.
 *
 * <pre>java -cp target/kz-incident-map.jar src/tools/SyncTiming.java postgresql://user@host:port/db CACHE</pre>
 */
public class SyncTiming {
    public static void main(String[] args) throws Exception {
        ServerAddress at = ServerAddress.parse(args[0]);
        long t = System.nanoTime();
        try (SyncSession s = SyncSession.open(at, System.getenv(), Path.of(args[1]), new SyncEvents() {
            public void changedHere(Set<String> ids) { }
            public void conflict(Conflict c) { }
            public void status(SyncStatus now) { }
        })) {
            s.listening().get(600, TimeUnit.SECONDS);
            s.settled().get(600, TimeUnit.SECONDS);
            System.out.printf("open %d ms%n", (System.nanoTime() - t) / 1_000_000);
            Incident i = s.store().all().get(0);
            for (int k = 0; k < 3; k++) {
                Incident changed = new Incident(i.id(), i.title() + " ·", i.type(), i.date(), i.datePrecision(),
                        i.place(), i.oblast(), i.lon(), i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(),
                        i.description(), i.eventGroup(), i.sources(), i.claims(), i.subType(), i.time(), i.tags(),
                        i.created(), i.updated());
                s.store().replace(changed);
                t = System.nanoTime();
                s.edited(List.of(i.id()));
                s.settled().get(600, TimeUnit.SECONDS);
                System.out.printf("edit sent and status told %d ms%n", (System.nanoTime() - t) / 1_000_000);
                i = changed;
            }
        }
    }
}
