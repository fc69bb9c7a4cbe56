package kz.incidentmap.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns a file name given on the command line into a path, refusing a name that this Java cannot
 * represent instead of using another: the JVM decodes arguments and encodes file names in the system's
 * encoding ({@code sun.jnu.encoding}), so a name with bytes that are not valid there arrives with
 * U+FFFD in their place and would name a different file (an export to {@code o\xff.csv} would write
 * {@code o\xEF\xBF\xBD.csv}). The launcher starts Java with a UTF-8 locale, so that every name in UTF-8,
 * Cyrillic ones included, works in any locale.
 */
final class FileNameConverter implements CommandLine.ITypeConverter<Path> {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public Path convert(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': this file name cannot be written in the"
                    + " system's encoding (" + System.getProperty("sun.jnu.encoding") + "); start the app through"
                    + " its launcher, or with a UTF-8 locale (LANG=C.UTF-8)");
        }
        if (value.indexOf(REPLACEMENT) >= 0 && !Files.exists(path)) {
            throw new CommandLine.TypeConversionException("'" + value + "': the file name has bytes that are not valid "
                    + System.getProperty("sun.jnu.encoding") + " (shown as \uFFFD), so it cannot be used as it is;"
                    + " rename the file with a name in " + System.getProperty("sun.jnu.encoding"));
        }
        return path;
    }
}
