package kz.incidentmap.store.pg;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a record on a PostgreSQL server is: {@code postgresql://user@host:port/dbname}. The password is
 * never part of it (it comes from {@code ~/.pgpass} or {@code PGPASSWORD}), so that it is not seen in a
 * process list, a shell's history or a file we write; {@link #toString} gives {@code user@host:port/db}
 * for messages.
 *
 * @param user the database user
 * @param host the server's host name or address
 * @param port its port
 * @param database the database holding the record
 */
public record ServerAddress(String user, String host, int port, String database) {

    /** PostgreSQL's own port, when the address gives none. */
    public static final int DEFAULT_PORT = 5432;

    private static final Pattern SHAPE = Pattern.compile(
            "(?:postgresql|postgres)://(?:([^@/:]+)(:[^@/]*)?@)?([^/:@\\[\\]]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?/([^/?#]+)");

    /** Whether {@code text} is meant as a server address rather than a file name. */
    public static boolean isAddress(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://");
    }

    /**
     * The address {@code text} gives; an address with a password, or of another shape, is an
     * IllegalArgumentException whose message says what to write instead.
     */
    public static ServerAddress parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + masked(text) + "' is not a server address;"
                    + " write postgresql://user@host:port/dbname");
        }
        if (m.group(2) != null) {
            throw new IllegalArgumentException("postgresql://" + m.group(1) + "@" + m.group(3)
                    + (m.group(4) == null ? "" : ":" + m.group(4)) + "/" + m.group(5) + ": a password does not belong in the address (it would show in the process list and the"
                    + " shell's history); put it in ~/.pgpass (host:port:dbname:user:password, chmod 600)"
                    + " or in PGPASSWORD");
        }
        if (m.group(1) == null) {
            throw new IllegalArgumentException("'" + text.strip() + "': name the database user,"
                    + " postgresql://user@host:port/dbname");
        }
        int port = m.group(4) == null ? DEFAULT_PORT : Integer.parseInt(m.group(4));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'" + text.strip() + "': port " + port + " is not 1 to 65535");
        }
        return new ServerAddress(m.group(1), m.group(3), port, m.group(5));
    }

    /** The text with whatever stands between "user:" and "@" left out, for a message about it. */
    private static String masked(String text) {
        return text.strip().replaceAll("://([^@/:]+):[^@/]*@", "://$1:***@");
    }

    /** The JDBC URL of the database; the user and password go in as properties. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** {@code postgresql://user@host:port/dbname}, as the user writes it. */
    public String uri() {
        return "postgresql://" + this;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
