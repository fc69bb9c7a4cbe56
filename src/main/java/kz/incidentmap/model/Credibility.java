package kz.incidentmap.model;

/**
 * How credible one claim is, on the Admiralty scale: 1 confirmed by other sources down to 5 improbable,
 * and 6 when its truth cannot be judged. Stored and written as the number.
 */
public enum Credibility {
    CONFIRMED("confirmed by other sources"), PROBABLY_TRUE("probably true"), POSSIBLY_TRUE("possibly true"),
    DOUBTFUL("doubtful"), IMPROBABLE("improbable"), CANNOT_BE_JUDGED("truth cannot be judged");

    private final String meaning;

    Credibility(String meaning) {
        this.meaning = meaning;
    }

    /** The number, 1 to 6. */
    public int code() {
        return ordinal() + 1;
    }

    /** What the number means, as the scale words it. */
    public String meaning() {
        return meaning;
    }

    /** The credibility numbered {@code code}; any other number is an error naming it. */
    public static Credibility of(int code) {
        if (code < 1 || code > values().length) {
            throw new IllegalArgumentException("credibility '" + code + "' is not one of 1–6");
        }
        return values()[code - 1];
    }

    /** The credibility of a text field (blanks around ignored); anything but 1 to 6 is an error naming it. */
    public static Credibility fromCode(String code) {
        String text = code == null ? "" : code.strip();
        if (text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '6') {
            return values()[text.charAt(0) - '1'];
        }
        throw new IllegalArgumentException("credibility '" + text + "' is not one of 1–6");
    }

    /** The credibility of a field that may be blank: null for blank. */
    public static Credibility fromOptional(String code) {
        return code == null || code.isBlank() ? null : fromCode(code);
    }
}
