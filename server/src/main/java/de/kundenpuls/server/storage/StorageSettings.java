package de.kundenpuls.server.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Eclipse Store data directory is opened.
 *
 * @param directory          the data directory, created when missing
 * @param channelCount       storage channels (power of two); one suits 2 cores
 * @param housekeepingInterval how often Eclipse Store housekeeping runs
 * @param housekeepingBudget how long one housekeeping run may take
 */
public record StorageSettings(Path directory, int channelCount, Duration housekeepingInterval,
                              Duration housekeepingBudget) {

    /** Validates the settings. */
    public StorageSettings {
        Objects.requireNonNull(directory, "directory");
        if (channelCount < 1 || Integer.bitCount(channelCount) != 1) {
            throw new IllegalArgumentException("storage.channel-count must be a power of two, was " + channelCount);
        }
        Objects.requireNonNull(housekeepingInterval, "housekeepingInterval");
        Objects.requireNonNull(housekeepingBudget, "housekeepingBudget");
    }

    /**
     * Default settings for a directory.
     *
     * @param directory the data directory
     * @return settings with one channel and a 1 s / 100 ms housekeeping
     */
    public static StorageSettings of(Path directory) {
        return new StorageSettings(directory, 1, Duration.ofSeconds(1), Duration.ofMillis(100));
    }
}
