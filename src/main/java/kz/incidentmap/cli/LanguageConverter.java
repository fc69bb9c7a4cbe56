package kz.incidentmap.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import kz.incidentmap.i18n.UiLanguage;
import picocli.CommandLine;

/** {@code --lang en|ru|kk}: a code the app has no words for is refused with the codes it has. */
final class LanguageConverter implements CommandLine.ITypeConverter<UiLanguage> {

    @Override
    public UiLanguage convert(String value) {
        return UiLanguage.ofCode(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown language '" + value + "' (known: " + Arrays.stream(UiLanguage.values()).map(UiLanguage::code)
                        .collect(Collectors.joining(", ")) + ")"));
    }
}
