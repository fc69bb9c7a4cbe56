package kz.incidentmap.store.pg;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import kz.incidentmap.store.StoreException;

/**
 * Words a failure of the server as one line a user can act on, naming the server as
 * {@code user@host:port/db} (never with a password): a login refused, a server not reached, a database
 * missing, a statement that ran out of time, a right not granted. What is not one of these is "cannot
 * WHAT" with the server's own first line.
 */
final class PgFailure {

    static final String PASSWORD_HELP = "put the password in ~/.pgpass (host:port:dbname:user:password, chmod 600)"
            + " or in PGPASSWORD";

    /** What opening a connection is called: a connection lost then is one never made. */
    static final String CONNECT = "cannot connect";

    private PgFailure() {
    }

    static StoreException explain(ServerAddress at, String what, SQLException e) {
        // A batch's own message quotes the whole statement with its values: the server's reason is the next.
        SQLException reason = e;
        while (reason instanceof BatchUpdateException && reason.getNextException() != null) {
            reason = reason.getNextException();
        }
        String state = reason.getSQLState() == null ? "" : reason.getSQLState();
        String text = firstLine(reason.getMessage());
        String problem;
        if (state.equals("28P01") || state.equals("28000")) {
            problem = "the server refused user " + at.user() + " (wrong password, or no such user): " + PASSWORD_HELP;
        } else if (text.contains("no password was provided")) {
            problem = "the server asks user " + at.user() + " for a password and none was given: " + PASSWORD_HELP;
        } else if (state.equals("3D000")) {
            problem = "there is no database '" + at.database() + "' on the server; create it (createdb "
                    + at.database() + ") or name another";
        } else if (state.equals("57014")) {
            problem = what + ": a statement took longer than the server allows (statement_timeout) and was"
                    + " cancelled. Try again when the server is less busy, or allow more time"
                    + " (PGOPTIONS='-c statement_timeout=0')";
        } else if (state.equals("42501")) {
            problem = what + ": user " + at.user() + " may not (" + text
                    + "); ask the database's owner for the right, e.g. GRANT kim_editor TO " + at.user();
        } else if (!what.equals(CONNECT) && (state.startsWith("57P") || state.equals("08006") || state.equals("08003"))) {
            problem = what + ": the connection to the server was lost (" + text + "); the server rolls back what"
                    + " was not committed, so try again once it is back";
        } else if (unknownHost(e)) {
            problem = "no host named '" + at.host() + "' is known here; check the address";
        } else if (outOfReach(state, e)) {
            problem = "cannot reach the server at " + at.host() + ":" + at.port() + " (" + text
                    + "); is it running, and does it accept connections there?";
        } else {
            problem = what + ": " + text;
        }
        return new StoreException(at + ": " + problem, e);
    }

    /**
     * Whether {@code e} says the server could not be reached at all (refused, timed out, unknown host), as
     * opposed to refusing the user or failing a statement.
     */
    static boolean isUnreachable(StoreException e) {
        return e.getCause() instanceof SQLException sql
                && outOfReach(sql.getSQLState() == null ? "" : sql.getSQLState(), sql);
    }

    /** The one rule for "cannot reach the server": a connection exception's state, or no route to it. */
    private static boolean outOfReach(String state, Throwable e) {
        return state.startsWith("08") || unreachable(e);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
