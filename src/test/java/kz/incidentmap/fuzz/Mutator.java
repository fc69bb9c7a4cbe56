package kz.incidentmap.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a file's bytes, of the kinds that find a reader's mistakes: a flipped bit, a byte
 * set to one that means something (a quote, a separator, a line end, a bracket, a zero), a run deleted
 * or copied elsewhere, a token of the format inserted, a number or date swapped for an absurd one, the
 * file cut short. The same seed gives the same mutation.
 */
final class Mutator {

    private static final byte[] SPECIAL = "\"',;\r\n\t<>{}[]&:-.0 \\\u0000".getBytes(StandardCharsets.ISO_8859_1);
    /** Values that a plausibility rule must refuse, and ones just inside its bounds. */
    private static final List<String> ABSURD = List.of("-1", "0", "2000000000", "100001", "10001", "1e309", "NaN",
            "-0", "99999999999999999999", "1011-01-01", "-0001-01-01", "0000-00-00", "1799-12-31", "1800-01-01",
            "9999-12-31", "2011-02-30", "many", "", "Infinity", "0x10", "1.5", "１２");

    private final Random random;
    private final List<byte[]> tokens;

    /** {@code tokens}: pieces of the format's syntax worth inserting whole. */
    Mutator(long seed, List<String> tokens) {
        this.random = new Random(seed);
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** One to four mutations of {@code input}. */
    byte[] mutate(byte[] input) {
        byte[] out = input;
        int times = 1 + random.nextInt(4);
        for (int i = 0; i < times; i++) {
            out = once(out);
        }
        return out;
    }

    private byte[] once(byte[] in) {
        if (in.length == 0) {
            return pick(tokens);
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> {
                byte[] out = in.clone();
                out[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                return out;
            }
            case 2 -> {
                int len = Math.min(in.length - at, 1 + random.nextInt(32));
                return splice(in, at, len, new byte[0]);
            }
            case 3 -> {
                int from = random.nextInt(in.length);
                int len = Math.min(in.length - from, 1 + random.nextInt(256));
                byte[] copy = new byte[len];
                System.arraycopy(in, from, copy, 0, len);
                return splice(in, at, 0, copy);
            }
            case 4 -> {
                return splice(in, at, 0, pick(tokens));
            }
            case 5 -> {
                return replaceNumber(in, at);
            }
            case 6 -> {
                return splice(in, at, in.length - at, new byte[0]);
            }
            default -> {
                return splice(in, at, 0, pick(ABSURD.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList()));
            }
        }
    }

    /** Replaces the run of digits (with dashes and dots) nearest after {@code at} by an absurd value. */
    private byte[] replaceNumber(byte[] in, int at) {
        int start = at;
        while (start < in.length && !Character.isDigit(in[start])) {
            start++;
        }
        if (start == in.length) {
            return in;
        }
        int end = start;
        while (end < in.length && (Character.isDigit(in[end]) || in[end] == '-' || in[end] == '.')) {
            end++;
        }
        return splice(in, start, end - start, ABSURD.get(random.nextInt(ABSURD.size())).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] pick(List<byte[]> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, at);
        out.write(insert, 0, insert.length);
        out.write(in, at + remove, in.length - at - remove);
        return out.toByteArray();
    }

    /** A random value of {@link #ABSURD}, for callers that mutate structured content themselves. */
    String absurdValue() {
        return ABSURD.get(random.nextInt(ABSURD.size()));
    }

    Random random() {
        return random;
    }
}
