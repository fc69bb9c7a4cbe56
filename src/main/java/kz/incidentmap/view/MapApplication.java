package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapsAhead;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.CacheFolder;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.StoreLockedException;
import kz.incidentmap.store.pg.ServerAddress;
import kz.incidentmap.sync.CopyStep;
import kz.incidentmap.sync.ServerReplica;
import kz.incidentmap.sync.SyncSession;

/**
 * Starts the window. Loading the store and the maps begins on a worker thread before the JavaFX
 * toolkit starts, so the two overlap; the window opens at once and shows the map when the load
 * finishes. The toolkit itself can be started earlier still, while the command line is parsed
 * ({@link #startToolkit}). Nothing is written to the store by viewing, except that a missing default
 * store is created from the curated records.
 */
public final class MapApplication {

    /**
     * What the loader hands to the window.
     *
     * @param map the layers
         * @param store the store, kept open for editing (or for viewing only) until the window closes
     * @param oblasts the oblast boundaries that saved records are placed in
     * @param notice what the user should know about the store (viewing only, upgraded, a server out of
     *               reach), or null
     * @param server the link to the server whose local copy {@code store} is, or null for a file
     * @param viewOnly whether the record may not be changed from this window although its store could be
     *                 written (a server's viewer, a server out of reach): the notice says why
     */
    record Loaded(LoadedMap map, IncidentStore store, OblastLocator oblasts, String notice, ServerLink server,
            boolean viewOnly) {

        Loaded(LoadedMap map, IncidentStore store, OblastLocator oblasts, String notice) {
            this(map, store, oblasts, notice, null, false);
        }
    }

    /** The toolkit start begun by {@link #startToolkit}, or null. */
    private static volatile CompletableFuture<Void> toolkit;

    private MapApplication() {
    }

    /**
     * Starts the JavaFX toolkit on a thread of its own and returns at once, for a start-up that will
     * open the window: the toolkit (a second or more on a small machine) then starts while the command
     * line is parsed. {@link #run} waits for it instead of starting it; if it failed, {@link #run}
     * throws what it threw.
     *
     * @param then run on that thread once the toolkit is up (work that must not come before it), not
     *        run if the toolkit failed to start
     */
    public static void startToolkit(Runnable then) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        toolkit = started;
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(() -> started.complete(null));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
                return;
            }
            then.run();
        }, "toolkit-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Opens the window and blocks until it is closed. Called on the main thread.
     *
     * @param db the store to open, or null for {@code defaultStore}, created from {@code seed} if missing
     * @param language the window's language, or null for the one chosen in its menu (English at first)
     */
    public static void run(Path mapsDir, Path db, Path defaultStore, Path seed, MapsAhead ahead, UiLanguage language)
            throws InterruptedException {
        run(mapsDir, db, null, defaultStore, seed, ahead, language);
    }

    /**
     * Opens the window on the record on a server: on a local copy of it kept in step with the server
     * (see {@link SyncSession}), in the user's cache folder.
     */
    public static void runOnServer(Path mapsDir, ServerAddress server, MapsAhead ahead, UiLanguage language)
            throws InterruptedException {
        run(mapsDir, null, server, null, null, ahead, language);
    }

    private static void run(Path mapsDir, Path db, ServerAddress server, Path defaultStore, Path seed, MapsAhead ahead,
            UiLanguage language) throws InterruptedException {
        try (Workers workers = new Workers()) {
            WindowSettings settings = WindowSettings.load(WindowSettings.userFile());
            if (server != null) {
                new RecentServers(settings).opened(server); // saved with the window's settings when it closes
            }
            Texts texts = Texts.of(language != null ? language : WindowLanguage.chosen(settings));
            // The index is read once, for the preview and for the map.
            IncidentIndexLoad index = server == null ? IncidentIndexLoad.start(db != null ? db : defaultStore, all -> all) : null;
            // A server's record: the preview is of its local copy as last opened (the countries alone the
            // first time), with a note saying what is being done until the window is built.
            StartupPreview onServer = server == null ? null : StartupPreview.start(workers, settings, mapsDir,
                    serverPreview(server), texts.format("server.previewNote", server.toString()));
            CompletableFuture<Loaded> loading = workers.supply(() -> server != null
                    ? loadServer(mapsDir, server, ahead, texts, copySteps(onServer, server, texts))
                    : load(mapsDir, db, defaultStore, seed, ahead, texts, index));
            StartupPreview preview = server == null ? StartupPreview.start(workers, settings, mapsDir, index) : onServer;
            StartupLog log = StartupLog.of(System.getenv());
            CountDownLatch closed = new CountDownLatch(1);
            Runnable show = () -> {
                Stage stage = new Stage();
                // The server's address names the user, never a password (it holds none).
                stage.setTitle(server == null ? texts.text("app.title")
                        : texts.format("server.title", texts.text("app.title"), server.toString()));
                double width = settings.number("window.width").orElse(1400.0);
                double height = settings.number("window.height").orElse(900.0);
                Scene scene = preview.scene(width, height);
                stage.setScene(scene);
                // Closed before the window was built: nothing to remember, the store to close once open.
                stage.setOnHidden(e -> {
                    loading.thenAccept(l -> l.store().close());
                    closed.countDown();
                });
                stage.show();
                Runnable build = () -> {
                    if (!stage.isShowing()) {
                        return;
                    }
                    MapWindow[] shown = new MapWindow[1];
                    SystemBrowser browser = new SystemBrowser(workers, m -> shown[0].viewModel().messageProperty().set(m), texts);
                    MapWindow window = new MapWindow(workers, settings, browser::open, texts);
                    shown[0] = window;
                    window.useMaps(mapsDir);
                    scene.setUserAgentStylesheet(null); // the preview had none: the window has JavaFX's own
                    scene.setRoot(window);
                    stage.setOnHidden(e -> {
                        settings.put("window.width", stage.getScene().getWidth());
                        settings.put("window.height", stage.getScene().getHeight());
                        window.remember();
                        settings.save();
                        window.canvas().dispose();
                        window.close();
                        closed.countDown();
                    });
                    window.canvas().shownProperty().addListener((o, was, now) -> log.note("frame"));
                    window.settleLayout();
                    window.attach(loading);
                };
                Runnable buildWhenReady = server == null ? build
                        : () -> loading.whenComplete((l, e) -> Platform.runLater(build));
                preview.showThen(() -> log.note("preview"), buildWhenReady);
            };
            CompletableFuture<Void> early = toolkit;
            if (early == null) {
                Platform.startup(show);
            } else {
                awaitToolkit(early);
                Platform.runLater(show);
            }
            closed.await();
            Platform.exit();
        }
    }

    /** Waits for the toolkit start; its failure is thrown as the toolkit threw it. */
    private static void awaitToolkit(CompletableFuture<Void> early) throws InterruptedException {
        try {
            early.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Worker thread: opens the store for editing (for viewing only when it is read-only or open for
     * editing in another copy), reads its incident index and the maps; records are read when shown. The caller closes the store.
     */
    static Loaded load(Path mapsDir, Path db, Path defaultStore, Path seed) throws Exception {
        return load(mapsDir, db, defaultStore, seed, MapsAhead.none(), Texts.ENGLISH);
    }

    /**
     * The same, taking the reference maps from {@code ahead} when start-up read them ahead.
     *
     * @param texts the language of the notice (a store's own account of a recovery stays as the store words it)
     */
    /** The index the local copy of {@code server}'s record had when last read, or null when none was kept. */
    private static IncidentIndexLoad serverPreview(ServerAddress server) {
        Path cache = CacheFolder.root();
        return cache == null ? IncidentIndexLoad.reading(() -> null)
                : IncidentIndexLoad.cachedCopy(ServerReplica.fileFor(cache, server));
    }

    /** The steps of making a server's local copy, said under the preview's map. */
    private static CopyStep.Progress copySteps(StartupPreview preview, ServerAddress server, Texts texts) {
        return (step, incidents) -> preview.say(texts.format(switch (step) {
            case READING -> "server.copyReading";
            case WRITING -> "server.copyWriting";
            case CHECKING -> "server.copyChecking";
        }, server.toString(), incidents < 0 ? "?" : incidents));
    }

    /**
     * Worker thread: connects to the server, makes or opens the local copy of its record and loads the
     * window's map from that copy, as from a file; the copy is brought up to date behind the map.
     */
    static Loaded loadServer(Path mapsDir, ServerAddress server, MapsAhead ahead, Texts texts,
            CopyStep.Progress progress) throws Exception {
        Path cache = CacheFolder.root();
        if (cache == null) {
            throw new StoreException(texts.format("server.noCache", server.toString()));
        }
        return loadServer(mapsDir, server, System.getenv(), cache, ahead, texts, progress);
    }

    /**
     * The same with the environment giving the password and the cache folder given. A user who may read the
     * record but not change it gets a view-only window, with the notice saying why.
     */
    static Loaded loadServer(Path mapsDir, ServerAddress server, Map<String, String> env, Path cache, MapsAhead ahead,
            Texts texts) throws Exception {
        return loadServer(mapsDir, server, env, cache, ahead, texts, CopyStep.Progress.NONE);
    }

    /** The same, telling {@code progress} the steps of making the local copy when there is none yet. */
    static Loaded loadServer(Path mapsDir, ServerAddress server, Map<String, String> env, Path cache, MapsAhead ahead,
            Texts texts, CopyStep.Progress progress) throws Exception {
        ServerLink link = new ServerLink(server);
        // The copy's map is shown as it was left; it is brought up to the server's state afterwards, the
        // incidents that changes told to the window as any change heard from the server.
        SyncSession session;
        try {
            session = SyncSession.opened(server, env, cache, link, progress);
        } catch (StoreException e) {
            Path copy = ServerReplica.fileFor(cache, server);
            if (!SyncSession.outOfReach(e) || !Files.isRegularFile(copy)) {
                throw e;
            }
            return offline(mapsDir, server, copy, ahead, texts);
        }
        link.use(session);
        try {
            String notice = session.viewOnly().map(r -> texts.format("server.viewOnly", r.user(), r.roles().isEmpty()
                    ? texts.text("server.noRole") : texts.format("server.role", String.join(", ", r.roles()))))
                    .orElse(null);
            Loaded loaded = loadOpened(mapsDir, session.store(), notice, ahead, IncidentIndexLoad.start(
                    session.store().file(), all -> all), texts);
            session.start();
            return new Loaded(loaded.map(), loaded.store(), loaded.oblasts(), loaded.notice(), link,
                    session.viewOnly().isPresent());
        } catch (Exception e) {
            session.close();
            throw e;
        }
    }

    /**
     * A server out of reach whose record was opened here before: its local copy as it was last left, for
     * viewing, saying so; nothing in it changes until a window opens on the server again.
     */
    private static Loaded offline(Path mapsDir, ServerAddress server, Path copy, MapsAhead ahead, Texts texts)
            throws Exception {
        IncidentStore store = IncidentStore.openForViewing(copy);
        Loaded loaded = loadOpened(mapsDir, store, texts.format("server.offline", server.toString()), ahead,
                IncidentIndexLoad.start(copy, all -> all), texts);
        return new Loaded(loaded.map(), loaded.store(), loaded.oblasts(), loaded.notice(), null, true);
    }

    static Loaded load(Path mapsDir, Path db, Path defaultStore, Path seed, MapsAhead ahead, Texts texts) throws Exception {
        // A cached copy of the store's positions is read while the store opens.
        return load(mapsDir, db, defaultStore, seed, ahead, texts, IncidentIndexLoad.start(db != null ? db : defaultStore, all -> all));
    }

    /** The same, with the store's index being read by {@code index}. */
    static Loaded load(Path mapsDir, Path db, Path defaultStore, Path seed, MapsAhead ahead, Texts texts,
            IncidentIndexLoad index) throws Exception {
        Path file = db != null ? db : defaultStore;
        IncidentStore store;
        String notice = null;
        try {
            try {
                store = db != null ? IncidentStore.open(db) : IncidentStore.openOrCreate(defaultStore, seed);
            } catch (StoreLockedException e) {
                store = IncidentStore.openForViewing(file);
                notice = texts.text("notice.lockedElsewhere");
            }
        } catch (Exception e) {
            index.failed(e);
            throw e;
        }
        if (store.isReadOnly() && notice == null) {
            notice = texts.text("notice.readOnly");
        }
        return loadOpened(mapsDir, store, notice, ahead, index, texts);
    }

    /** The map of an opened store; closes the store when it fails. */
    private static Loaded loadOpened(Path mapsDir, IncidentStore store, String given, MapsAhead ahead,
            IncidentIndexLoad index, Texts texts) throws Exception {
        index.opened(store);
        String notice = given;
        try {
            if (store.upgradeBackup().isPresent()) {
                notice = texts.format("notice.upgraded", store.upgradeBackup().get());
            }
            if (store.recovery().isPresent()) {
                String told = store.recovery().get();
                notice = Character.toUpperCase(told.charAt(0)) + told.substring(1);
            }
            LoadedMap map = LoadedMap.load(mapsDir, index, IncidentRecords.of(store),
                    ImportedStreets.inStore(store.file()), ahead);
            // The oblasts the basemap read: the file is not read a second time.
            return new Loaded(map, store, OblastLocator.of(map.oblastBoundaries(), map.labels(), map.labels().splits()), notice);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }
}
