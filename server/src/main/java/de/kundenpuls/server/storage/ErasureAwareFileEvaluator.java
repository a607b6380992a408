package de.kundenpuls.server.storage;

import org.eclipse.store.storage.types.StorageDataFileEvaluator;
import org.eclipse.store.storage.types.StorageLiveDataFile;

/**
 * Decides which data files housekeeping rewrites. Normally that is Eclipse Store's default (files
 * with less than 75 % live data); while erased personal data is being reclaimed it is every file
 * with any dead record, the head file included, so that the erased bytes really leave the disk
 * instead of lingering in a file that is still mostly live.
 */
final class ErasureAwareFileEvaluator implements StorageDataFileEvaluator {

    private final StorageDataFileEvaluator normal;
    private final StorageDataFileEvaluator strict;
    private volatile boolean reclaiming;

    ErasureAwareFileEvaluator(StorageDataFileEvaluator normal) {
        this.normal = normal;
        this.strict = StorageDataFileEvaluator.New(normal.fileMinimumSize(), normal.fileMaximumSize(), 1.0, true,
                normal.transactionFileMaximumSize());
    }

    void reclaiming(boolean on) {
        reclaiming = on;
    }

    @Override
    public boolean needsDissolving(StorageLiveDataFile file) {
        return reclaiming ? strict.needsDissolving(file) : normal.needsDissolving(file);
    }

    @Override
    public boolean needsRetirement(long fileTotalLength) {
        return normal.needsRetirement(fileTotalLength);
    }

    @Override
    public int fileMinimumSize() {
        return normal.fileMinimumSize();
    }

    @Override
    public int fileMaximumSize() {
        return normal.fileMaximumSize();
    }

    @Override
    public int transactionFileMaximumSize() {
        return normal.transactionFileMaximumSize();
    }
}
