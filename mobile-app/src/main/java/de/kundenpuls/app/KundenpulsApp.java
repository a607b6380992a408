package de.kundenpuls.app;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import com.gluonhq.attach.util.Platform;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.kiosk.KioskApp;
import de.kundenpuls.app.scan.PhotoSource;
import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.settings.SettingsScreen;

/** The Kundenpuls app: shopper mode, or a staff feedback kiosk when the device was locked to a store. */
public class KundenpulsApp extends Application {

    private static final Logger LOG = Logger.getLogger(KundenpulsApp.class.getName());

    private final AppConfig config;
    private final PhotoSource photos;
    private AppContext ctx;
    private Scene scene;
    private ShopperApp shopper;

    /** The app as launched on a device or desktop: configuration from the environment. */
    public KundenpulsApp() {
        this(null, null);
    }

    /**
     * @param config the configuration, or null for {@link AppConfig#fromEnvironment()}
     * @param photos where photos come from, or null for this device's camera or file chooser
     */
    public KundenpulsApp(AppConfig config, PhotoSource photos) {
        this.config = config;
        this.photos = photos;
    }

    @Override
    public void start(Stage stage) {
        ctx = new AppContext(config != null ? config : AppConfig.fromEnvironment());
        Texts.use(ctx.settings().locale());
        scene = new Scene(new StackPane(), 390, 844);
        scene.getStylesheets().add(KundenpulsApp.class.getResource("ui/app.css").toExternalForm());
        stage.setTitle("Kundenpuls");
        stage.setScene(scene);
        show();
        if (Boolean.getBoolean("kundenpuls.app.startupProbe")) {
            reportStartupAndExit();
        }
        stage.show();
        // Whatever waited on the device since last time goes out now.
        ctx.sync().kick();
    }

    /**
     * Cold-start measurement (bench/app/startup.sh): prints the time from JVM start to the end of
     * the first layout pulse of the shown window, then exits.
     */
    private void reportStartupAndExit() {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("STARTUP first-frame-ms=" + ms);
            javafx.application.Platform.exit();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Builds the UI for the current mode and language. */
    private void show() {
        if (shopper != null) {
            shopper.close();
            shopper = null;
        }
        if (ctx.settings().mode() == AppSettings.Mode.KIOSK && ctx.settings().kioskUid().isPresent()) {
            scene.setRoot(new KioskApp(ctx, this::show));
        } else {
            shopper = new ShopperApp(ctx, photos != null ? photos : PhotoSource.forThisDevice(), this::openSettings);
            scene.setRoot(shopper.shell());
            registerForPush();
        }
    }

    private void openSettings() {
        shopper.shell().push(new SettingsScreen(ctx, this::show));
    }

    /**
     * Tells the server where to push offers. On Android and iOS the token comes from FCM through
     * Gluon's push-notifications module (not available here; see README); the desktop registers
     * its device id and shows new offers from the inbox as in-app notifications.
     */
    private void registerForPush() {
        if (!Platform.isDesktop()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ctx.connection().shopper().me().registerDevice("desktop-" + ctx.settings().deviceId(), "desktop", Texts.lang());
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Push registration postponed (offline?)", e);
            }
        }, "kundenpuls-push-registration");
        t.setDaemon(true);
        t.start();
    }

    /** @return shopper mode, or null while the app is a kiosk (tests look at the kept catalog) */
    public ShopperApp shopper() {
        return shopper;
    }

    /** @return the shared services (tests look at the outbox) */
    public AppContext context() {
        return ctx;
    }

    @Override
    public void stop() {
        if (shopper != null) {
            shopper.close();
        }
        ctx.close();
    }
}
