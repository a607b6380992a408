package de.kundenpuls.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

import de.kundenpuls.app.dialog.DialogScreen;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.offers.OfferWatcher;
import de.kundenpuls.app.offers.OffersScreen;
import de.kundenpuls.app.product.CompareScreen;
import de.kundenpuls.app.product.OfflineCatalog;
import de.kundenpuls.app.product.ProductScreen;
import de.kundenpuls.app.profile.ProfileScreen;
import de.kundenpuls.app.scan.PhotoSource;
import de.kundenpuls.app.scan.ScanScreen;
import de.kundenpuls.app.ui.Shell;
import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;

/** Shopper mode: scan, product, quick feedback, offers, dialog, profile. */
public final class ShopperApp implements AutoCloseable {

    private final AppContext ctx;
    private final PhotoSource photos;
    private final Shell shell;
    private final List<ProductView> compare = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kundenpuls-offers");
        t.setDaemon(true);
        return t;
    });
    private List<StoreView> stores;
    private final OfflineCatalog offline;

    /**
     * @param ctx      shared services
     * @param photos   the camera or file chooser
     * @param settings opens the settings screen
     */
    ShopperApp(AppContext ctx, PhotoSource photos, Runnable settings) {
        this.ctx = ctx;
        this.photos = photos;
        this.offline = new OfflineCatalog(ctx.config().dataDir());
        this.shell = new Shell(List.of(
                new Shell.Tab("scan", "▦", Texts.t("nav.scan"), () -> new ScanScreen(this)),
                new Shell.Tab("offers", "%", Texts.t("nav.offers"), () -> new OffersScreen(this)),
                new Shell.Tab("dialog", "✉", Texts.t("nav.dialog"), () -> new DialogScreen(this)),
                new Shell.Tab("profile", "☺", Texts.t("nav.profile"), () -> new ProfileScreen(this))),
                ctx.pending(), settings);
        ctx.onRefused(problem -> notifyUser(Errors.refused(problem)));
        // Push stand-in on the desktop: new offers in the inbox show up as in-app notifications.
        OfferWatcher watcher = new OfferWatcher(this);
        long every = ctx.config().offerPoll().toMillis();
        poller.scheduleWithFixedDelay(watcher::check, every, every, TimeUnit.MILLISECONDS);
        // The stores and this store's catalog on the device, for lookup and rating on weak Wi-Fi.
        poller.scheduleWithFixedDelay(this::refreshOfflineCatalog, 0, CATALOG_REFRESH.toMinutes(), TimeUnit.MINUTES);
    }

    /** How often the kept catalog is revalidated (an unchanged one costs a 304 per page). */
    private static final java.time.Duration CATALOG_REFRESH = java.time.Duration.ofMinutes(15);

    /** Refreshes the catalog kept on the device; offline, the last copy stays. */
    public void refreshOfflineCatalog() {
        try {
            offline.refresh(ctx.connection().anonymous(), currentStore(), Texts.lang());
        } catch (RuntimeException unreachable) {
            java.util.logging.Logger.getLogger(ShopperApp.class.getName()).fine("Catalog not refreshed: " + unreachable);
        }
    }

    /** @return the catalog kept on the device */
    public OfflineCatalog offlineCatalog() {
        return offline;
    }

    /** @return shared services */
    public AppContext ctx() {
        return ctx;
    }

    /** @return the frame */
    public Shell shell() {
        return shell;
    }

    /** @return the photo source */
    public PhotoSource photos() {
        return photos;
    }

    /** @return products picked for the side-by-side comparison (at most 3) */
    public List<ProductView> compare() {
        return compare;
    }

    /** @return the stores (loaded once) */
    public synchronized List<StoreView> stores() {
        if (stores == null) {
            try {
                stores = ctx.connection().anonymous().catalog().stores();
            } catch (java.io.UncheckedIOException unreachable) {
                // Offline: the stores as last seen, if the app has ever been online.
                List<StoreView> kept = offline.stores();
                if (kept.isEmpty()) {
                    throw unreachable;
                }
                return kept;
            }
        }
        return stores;
    }

    /** @return the store the shopper is in: chosen, home store, or the first */
    public String currentStore() {
        return ctx.settings().currentStore().orElseGet(() -> stores().get(0).id());
    }

    /**
     * @param id a store id
     * @return its name
     */
    public String storeName(String id) {
        return stores().stream().filter(s -> s.id().equals(id)).map(StoreView::name).findFirst().orElse(id);
    }

    /**
     * Looks a product up and shows it.
     *
     * @param gtin    the code
     * @param onError told the reason in words when it fails
     */
    public void openProduct(String gtin, Consumer<String> onError) {
        background(() -> {
            try {
                return ctx.connection().anonymous().catalog().product(gtin, Texts.lang());
            } catch (java.io.UncheckedIOException unreachable) {
                // Offline: from the catalog kept on the device; the rating waits in the outbox.
                return offline.product(currentStore(), Texts.lang(), gtin)
                        .orElseThrow(() -> new IllegalStateException(Texts.t("product.notKept")));
            }
        }, p -> shell.push(new ProductScreen(this, p)), onError);
    }

    /** Shows the comparison. */
    public void openCompare() {
        shell.push(new CompareScreen(this));
    }

    /**
     * Runs server work off the FX thread.
     *
     * @param work      the work
     * @param onSuccess on the FX thread with the result
     * @param onError   on the FX thread with the reason in words
     * @param <T>       the result type
     */
    public <T> void background(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(Errors.inWords(task.getException())));
        Thread t = new Thread(task, "kundenpuls-call");
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param text shown as an in-app notification
     */
    public void notifyUser(String text) {
        Platform.runLater(() -> shell.notifyUser(text));
    }

    /** @return the shopper's id if signed in */
    public Optional<String> shopperUid() {
        return ctx.connection().shopperUid();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
