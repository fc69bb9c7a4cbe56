package kz.incidentmap.view;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.i18n.Texts;

/**
 * A form field's problem in the window's language. The checks of a record word their findings in
 * English, with the value the user typed in quotes; the value is kept, the words around it are the
 * bundle's. A finding of another shape is shown as the check words it.
 */
final class ProblemWords {

    private record Shape(Pattern pattern, String key) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape("is required", "problem.required"),
            shape("'(.*)' is not a valid date \\(expected yyyy-MM-dd\\)", "problem.notDate"),
            shape("'(.*)' is not a time of day \\(expected HH:mm\\)", "problem.notTime"),
            shape("'(.*)' is not a number", "problem.notNumber"),
            shape("'(.*)' is not a whole number", "problem.notWhole"),
            shape("'(.*)' is far outside 0\\.\\.(.*)", "problem.farOutside"),
            shape("(\\w+) (.*) is outside (-?\\d+)\\.\\.(-?\\d+)", "problem.outside"),
            shape("an incident needs at least one source", "problem.needsSource"),
            shape("(.*), (.*) lies outside Kazakhstan; check the coordinates \\(latitude first\\)", "problem.outsideKz"),
            shape("'(.*)' is not a language code \\(e\\.g\\. en, ru, kk\\)", "problem.notLanguage"),
            shape("source '(.*)' appears again with other details", "problem.sourceAgain"),
            shape("'(.*)' is not a web address \\(expected e\\.g\\. https://example\\.org/page\\)", "problem.notUrl"),
            shape("'(.*)' is a sub-type of '(.*)', not of '(.*)'", "problem.wrongFamily"),
            shape("grade '(.*)' is not one of A\u2013F", "problem.grade"),
            shape("credibility '(.*)' is not one of 1\u20136", "problem.credibility"));

    private ProblemWords() {
    }

    private static Shape shape(String regex, String key) {
        return new Shape(Pattern.compile(regex, Pattern.DOTALL), key);
    }

    static String of(String message, Texts texts) {
        if (message == null) {
            return null;
        }
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(message);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int g = 0; g < parts.length; g++) {
                    parts[g] = m.group(g + 1);
                }
                if (s.key().equals("problem.outside") && texts.has("problem.what." + parts[0])) {
                    parts[0] = texts.text("problem.what." + parts[0]); // latitude, longitude
                }
                return texts.format(s.key(), parts);
            }
        }
        return message;
    }
}
