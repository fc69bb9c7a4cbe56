package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.incidentmap.exchange.SourceCopyFiles;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sources}: the local copies of sources' documents kept in the store, added, listed and written out. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Local copies of sources' documents kept in the store: see its subcommands.",
        subcommands = {SourcesCommand.Copy.class, SourcesCommand.Copies.class, SourcesCommand.Open.class})
final class SourcesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code sources copy KEY FILE}: keeps a copy of a file for a source. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Keep a copy of FILE (a web page saved as HTML, a PDF, an image, text; at most 50 MB) in the"
                    + " store for the source KEY, with its SHA-256, or of the text of --text.")
    static final class Copy implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(index = "0", paramLabel = "KEY", description = "The source's key (see incidents: sources[].key).")
        String key;

        @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", description = "The file to keep.")
        Path file;

        @Option(names = "--text", paramLabel = "TEXT", description = "Keep this text (as pasted.txt) instead of a file.")
        String text;

        @Override
        public Integer call() throws Exception {
            if ((file == null) == (text == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "sources copy " + key + ": give either FILE or --text TEXT");
            }
            if (file != null && !Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "FILE " + file + ": "
                        + (Files.exists(file) ? "not a file" : "no such file"));
            }
            SourceCopy kept;
            try (IncidentStore store = options.openStore()) {
                kept = file != null ? SourceCopyFiles.keep(store, key, file) : SourceCopyFiles.keepText(store, key, text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--text: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "kept %s (%s, %,d bytes) for source '%s' as copy %d, SHA-256 %s%n", kept.fileName(),
                    kept.mediaType(), kept.size(), kept.sourceKey(), kept.id(), kept.sha256());
            out.flush();
            return 0;
        }
    }

    /** {@code sources copies [KEY]}: lists the kept copies. */
    @Command(name = "copies", mixinStandardHelpOptions = true,
            description = "List the kept copies (of the source KEY, or of every source): id, source, file name, media"
                    + " type, size, when saved, SHA-256.")
    static final class Copies implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "KEY", arity = "0..1", description = "Only the copies of this source.")
        String key;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (IncidentStore store = options.openForViewing()) {
                List<SourceCopy> copies = store.copies(key);
                if (copies.isEmpty()) {
                    out.println(options.storeFile() + " keeps no copies" + (key == null ? "" : " of source '" + key + "'"));
                }
                for (SourceCopy c : copies) {
                    out.printf(Locale.ROOT, "%d\t%s\t%s\t%s\t%,d bytes\tsaved %s\tSHA-256 %s%n", c.id(), c.sourceKey(),
                            c.fileName(), c.mediaType(), c.size(), c.savedAt(), c.sha256());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code sources open ID --out FILE}: writes a kept copy out, checked against its SHA-256. */
    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Write the kept copy ID to --out FILE, after checking its bytes against the SHA-256 taken when"
                    + " it was saved (a damaged copy is refused, exit 1).")
    static final class Open implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MapOptions options;

        @Parameters(paramLabel = "ID", description = "The copy's id (see sources copies).")
        long id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it (a new file).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": already exists");
            }
            Path dir = out.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": folder " + dir
                        + " does not exist");
            }
            SourceCopy copy;
            try (IncidentStore store = options.openForViewing()) {
                copy = store.copies(null).stream().filter(c -> c.id() == id).findFirst()
                        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "ID " + id + ": "
                                + options.storeFile() + " keeps no copy with that id (see sources copies)"));
                SourceCopyFiles.writeOut(store, copy, out);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s of source '%s' (SHA-256 checked) to %s%n",
                    copy.fileName(), copy.sourceKey(), out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
