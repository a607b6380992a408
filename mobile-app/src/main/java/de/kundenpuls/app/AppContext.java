package de.kundenpuls.app;

import java.time.Duration;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
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

    AppContext(AppConfig config) {
        this.config = config;
        this.settings = AppSettings.in(config.dataDir());
        this.connection = new Connection(config.serverUrl(), settings, config.firebaseAuth(), config.dataDir(),
                java.time.Clock.systemUTC());
        this.outbox = new Outbox(config.dataDir());
        this.pending.set(outbox.size());
        this.sync = new SyncWorker(outbox, this::senderClient, n -> Platform.runLater(() -> pending.set(n)),
                problem -> refusedHandler.accept(problem), Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /**
     * Every answer comes from an identity: a shopper's answers carry their account (created on
     * the first answer if there is none yet); a kiosk sends as staff of its store (channel "kiosk").
     */
    private KundenpulsClient senderClient() {
        if (settings.mode() == AppSettings.Mode.KIOSK && settings.kioskStore().isPresent()) {
            return connection.staff(settings.kioskStore().get());
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
        sync.close();
    }
}
