package de.kundenpuls.app.settings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import de.kundenpuls.model.kiosk.KioskIdentity;

import de.kundenpuls.app.storage.LocalFiles;

/**
 * What the app remembers on the device: language, mode, the shopper's account, the kiosk's store,
 * touchpoint and staff PIN (only a salted hash of it).
 */
public final class AppSettings {

    /** Shopper app or staff kiosk. */
    public enum Mode { SHOPPER, KIOSK }

    private final Path file;
    private final Properties values = new Properties();

    private AppSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /**
     * Loads the settings kept in a directory.
     *
     * @param dir the app's private directory
     * @return the settings
     */
    public static AppSettings in(Path dir) {
        return new AppSettings(dir.resolve("settings.properties"));
    }

    private synchronized void save() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            values.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "Kundenpuls app");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalFiles.writeAtomically(file, out.toByteArray());
    }

    private synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    private synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        save();
    }

    /** @return the chosen language, or the device's when none was chosen ({@code de} or {@code en}) */
    public Locale locale() {
        String lang = get("lang").orElse(Locale.getDefault().getLanguage());
        return lang.equals("en") ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** @param locale the language chosen in the settings */
    public void locale(Locale locale) {
        put("lang", locale.getLanguage());
    }

    /** @return shopper or kiosk */
    public Mode mode() {
        return get("mode").map(Mode::valueOf).orElse(Mode.SHOPPER);
    }

    /** @param mode shopper or kiosk */
    public void mode(Mode mode) {
        put("mode", mode.name());
    }

    /** @return a stable id of this installation (anti-button-mashing on the server, push registration) */
    public String deviceId() {
        return get("device.id").orElseGet(() -> {
            String id = "app-" + UUID.randomUUID();
            put("device.id", id);
            return id;
        });
    }

    /** @return the shopper's account id on this device, if they have one */
    public Optional<String> shopperUid() {
        return get("shopper.uid");
    }

    /** @param uid the shopper's account id, or null after the account was deleted */
    public void shopperUid(String uid) {
        put("shopper.uid", uid);
    }

    /** @return the store the shopper is in (stock, feedback) */
    public Optional<String> currentStore() {
        return get("store.current");
    }

    /** @param storeId the store the shopper is in */
    public void currentStore(String storeId) {
        put("store.current", storeId);
    }

    /** @return the kiosk's store */
    public Optional<String> kioskStore() {
        return get("kiosk.store");
    }

    /** @return the kiosk's touchpoint */
    public Optional<String> kioskTouchpoint() {
        return get("kiosk.touchpoint");
    }

    /** @return the account of the kiosk this device was enrolled as */
    public Optional<String> kioskUid() {
        return get("kiosk.uid");
    }

    /**
     * Makes the device the kiosk it was enrolled as.
     *
     * @param identity the identity the server gave for the enrollment code
     */
    public synchronized void lockKiosk(KioskIdentity identity) {
        values.setProperty("kiosk.uid", identity.uid());
        values.setProperty("kiosk.store", identity.storeId());
        values.setProperty("kiosk.touchpoint", identity.touchpoint());
        values.setProperty("mode", Mode.KIOSK.name());
        save();
    }

    /** Leaves kiosk mode (from the staff area). */
    public synchronized void unlockKiosk() {
        values.setProperty("mode", Mode.SHOPPER.name());
        save();
    }
}
