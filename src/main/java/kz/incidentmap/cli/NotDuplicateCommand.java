package kz.incidentmap.cli;

import java.util.concurrent.Callable;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code not-duplicate ID1 ID2}: remembers that two incidents are two events, so find-duplicates leaves them out. */
@Command(name = "not-duplicate", mixinStandardHelpOptions = true,
        description = "Remember that incidents ID1 and ID2 are not duplicates: find-duplicates and the app no longer offer the pair.")
final class NotDuplicateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(index = "0", paramLabel = "ID1", description = "One incident.")
    String id1;

    @Parameters(index = "1", paramLabel = "ID2", description = "The other.")
    String id2;

    @Override
    public Integer call() throws Exception {
        if (id1.equals(id2)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ID1 and ID2 are the same incident (" + id1
                    + "); nothing was changed");
        }
        boolean fresh;
        try (IncidentStore store = options.openStore()) {
            for (String id : new String[] {id1, id2}) {
                if (store.rowIdOf(id).isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no incident " + id + " in "
                            + store.file() + "; nothing was changed");
                }
            }
            fresh = store.markNotDuplicate(id1, id2);
        }
        spec.commandLine().getOut().println(fresh ? "remembered: " + id1 + " and " + id2 + " are not duplicates"
                : id1 + " and " + id2 + " were already marked as not duplicates");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
