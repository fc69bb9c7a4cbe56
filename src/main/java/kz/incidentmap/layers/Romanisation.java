package kz.incidentmap.layers;

import java.util.regex.Pattern;

/**
 * One romanisation for every Latin label of the map: the plain one English-language maps and news use
 * for Kazakh places (Aktobe, Karagandy, Zhezkazgan, Kyzylorda), without diacritics. Natural Earth writes
 * the oblasts in the BGN/PCGN system ("Aqtöbe", "Qaraghandy") and GeoNames writes small towns so too
 * ("Zhezqazghan", "Shīeli"); both are brought to the plain spelling, so that an oblast and its capital
 * read alike on the map. Names already plain are unchanged.
 */
public final class Romanisation {

    private static final Pattern FINAL_YY = Pattern.compile("yy\\b");

    private Romanisation() {
    }

    /** "Aqtöbe" → "Aktobe", "Mangghystau" → "Mangystau", "Akkol’" → "Akkol", "Rudnyy" → "Rudny". */
    public static String plain(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char next = i + 1 < name.length() ? name.charAt(i + 1) : 0;
            if ((c == 'g' || c == 'G') && next == 'h') {
                // gh is the voiced g (ғ); after an n it was only there to keep n and g apart (ңғ → ng).
                if (!(out.length() > 1 && out.charAt(out.length() - 1) == 'g' && out.charAt(out.length() - 2) == 'n')) {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case 'q' -> out.append('k');
                case 'Q' -> out.append('K');
                case 'ğ' -> out.append('g');
                case 'ı', 'ī' -> out.append('i');
                case 'Ī' -> out.append('I');
                case 'ä' -> out.append('a');
                case 'Ä' -> out.append('A');
                case 'ö' -> out.append('o');
                case 'Ö' -> out.append('O');
                case 'ü', 'ū' -> out.append('u');
                case 'Ü', 'Ū' -> out.append('U');
                case 'ñ' -> out.append('n');
                case 'ş' -> out.append("sh");
                case '’', 'ʹ', '\'' -> {
                    // the soft sign: not written in the plain spelling
                }
                default -> out.append(c);
            }
        }
        return FINAL_YY.matcher(out).replaceAll("y");
    }
}
