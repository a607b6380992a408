package de.kundenpuls.app;

import java.time.Duration;
import java.util.function.Consumer;

import javafx.application.Platform;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import de.kundenpuls.app.account.Connection;
import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.sync.Outbox;
import de.kundenpuls.app.sync.SyncWorker;
import de.kundenpuls.model.Problem;
import de.kundenpuls.model.client.KundenpulsClient;

/** What every screen shares: settings, the server connection, the outbox and its sync. */
public final class AppContext implements AutoCloseable {

    private final AppConfig config;
    private final AppSettings settings;
    private final Connection connection;
    private final Outbox outbox;
    private final SyncWorker sync;
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private volatile Consumer<Problem> refusedHandler = problem -> { };
    private final BooleanProperty revoked = new SimpleBooleanProperty();
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    /** The version in the jar's manifest; "dev" when run from the build directory. */
    static final String APP_VERSION = java.util.Objects.requireNonNullElse(AppContext.class.getPackage().getImplementationVersion(),
            "dev");
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kundenpuls-fleet-report");
        t.setDaemon(true);
        return t;
    });

    AppContext(AppConfig config) {
        this.config = config;
        this.settings = AppSettings.in(config.dataDir());
        this.connection = new Connection(config.serverUrl(), settings, config.firebaseAuth(), config.dataDir(), config.clock());
        this.outbox = new Outbox(config.dataDir());
        this.pending.set(outbox.size());
        this.sync = new SyncWorker(outbox, this::senderClient, n -> Platform.runLater(() -> pending.set(n)),
                problem -> refusedHandler.accept(problem), Duration.ofSeconds(1), Duration.ofMinutes(1));
        this.sync.onRevoked(() -> Platform.runLater(() -> revoked.set(true)));
        this.reports.scheduleWithFixedDelay(this::reportToFleet, 0, REPORT_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A kiosk tells the console's fleet view that it is alive, its app version and its backlog.
     * Runs on its own thread: a slow network must not hold up the outbox.
     */
    private void reportToFleet() {
        if (!isKiosk() || revoked.get()) {
            return;
        }
        try {
            kioskClient().kiosks().reportContact(APP_VERSION, outbox.size());
        } catch (de.kundenpuls.model.client.ApiException e) {
            if (e.problem() != null && Problem.TYPE_KIOSK_REVOKED.equals(e.problem().type())) {
                Platform.runLater(() -> revoked.set(true));
            }
        } catch (RuntimeException offline) {
            // Next minute again; the fleet view shows the last contact meanwhile.
        }
    }

    /** Reports now (a test, or the kiosk came back to the foreground). */
    public void reportNow() {
        reports.execute(this::reportToFleet);
    }

    private boolean isKiosk() {
        return settings.mode() == AppSettings.Mode.KIOSK && settings.kioskUid().isPresent();
    }

    private KundenpulsClient kioskClient() {
        return connection.kiosk(settings.kioskUid().orElseThrow());
    }

    /** @return true once the server said this kiosk was revoked (FX thread) */
    public BooleanProperty revoked() {
        return revoked;
    }

    /**
     * Every answer comes from an identity: a shopper's answers carry their account (created on
     * the first answer if there is none yet); a kiosk sends as the kiosk it was enrolled as.
     */
    private KundenpulsClient senderClient() {
        if (isKiosk()) {
            return kioskClient();
        }
        return connection.shopper();
    }

    /**
     * @param handler told (on the sync thread) why the server refused an answer for good; the
     *                answer has left the outbox, so this is the user's only chance to learn of it
     */
    public void onRefused(Consumer<Problem> handler) {
        this.refusedHandler = handler;
    }

    /** @return the configuration */
    public AppConfig config() {
        return config;
    }

    /** @return the settings */
    public AppSettings settings() {
        return settings;
    }

    /** @return the server connection */
    public Connection connection() {
        return connection;
    }

    /** @return the answers waiting for the network */
    public Outbox outbox() {
        return outbox;
    }

    /** @return the sync of the outbox */
    public SyncWorker sync() {
        return sync;
    }

    /** @return the number of answers waiting for the network (FX thread) */
    public IntegerProperty pending() {
        return pending;
    }

    @Override
    public void close() {
        reports.shutdownNow();
        sync.close();
    }
}
