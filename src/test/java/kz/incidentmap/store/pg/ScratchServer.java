package kz.incidentmap.store.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A throwaway PostgreSQL server for the tests: started by {@code src/tools/pg-scratch.sh} in a temporary
 * folder on a free port the first time a test asks for it, shared by the rest of the run, and stopped
 * when the run ends (the root context closes it) or, should the JVM end otherwise, by a shutdown hook.
 * Without PostgreSQL and PostGIS on the machine the tests that need it fail, saying what to install.
 * Inject a {@link Server} into a test's constructor, lifecycle method or test method.
 */
public final class ScratchServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.create(ScratchServer.class))
                .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    }

    /** The running server: makes databases on it, runs the superuser's SQL. */
    public static final class Server implements ExtensionContext.Store.CloseableResource {

        private static final Path SCRIPT = Path.of("src/tools/pg-scratch.sh");
        private static final String TEMPLATE = "kim_postgis_template";

        private final Path dir;
        private final int port;
        private final Thread hook;
        private final AtomicInteger databases = new AtomicInteger();

        private Server(Path dir, int port) {
            this.dir = dir;
            this.port = port;
            this.hook = new Thread(this::stop, "stop scratch PostgreSQL");
        }

        static Server start() {
            Path dir;
            int port;
            try {
                dir = Files.createTempDirectory("kim-pg");
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot make a folder or find a port for the test server", e);
            }
            Server s = new Server(dir, port);
            Runtime.getRuntime().addShutdownHook(s.hook);
            try {
                run(List.of(SCRIPT.toString(), "start", dir.toString(), Integer.toString(port)));
                s.sql("postgres", "CREATE DATABASE " + TEMPLATE);
                try {
                    s.sql(TEMPLATE, "CREATE EXTENSION postgis");
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("these tests need PostGIS 3 for PostgreSQL 15 on this machine"
                            + " (apt-get install postgresql-15-postgis-3; .ci/run installs it): " + e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            return s;
        }

        /** A new, empty database with PostGIS (or without), owned by the superuser postgres. */
        public ServerAddress newDatabase(boolean postgis) {
            String name = "kim_test_" + databases.incrementAndGet();
            sql("postgres", "CREATE DATABASE " + name + (postgis ? " TEMPLATE " + TEMPLATE : " TEMPLATE template0"));
            return address("postgres", name);
        }

        public ServerAddress address(String user, String database) {
            return new ServerAddress(user, "127.0.0.1", port, database);
        }

        public int port() {
            return port;
        }

        /** Runs statements as the superuser on {@code database}, each committed. */
        public void sql(String database, String... statements) {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
                    Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("test server: " + e.getMessage(), e);
            }
        }

        /** A superuser's connection to {@code database}, committing each statement. */
        public Connection connect(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
        }

        private void stop() {
            try {
                run(List.of(SCRIPT.toString(), "stop", dir.toString()));
            } finally {
                deleteTree(dir);
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                return; // the JVM is ending: the hook stops the server
            }
            stop();
        }

        private static void run(List<String> command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
                }
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("these tests need PostgreSQL 15 with PostGIS 3 on this machine"
                            + " (apt-get install postgresql-15 postgresql-15-postgis-3; .ci/run installs them): "
                            + String.join(" ", command) + " failed with " + p.exitValue() + ": " + said);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command.get(0), e);
            }
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }
}
