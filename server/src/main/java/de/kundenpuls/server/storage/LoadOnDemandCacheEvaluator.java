package de.kundenpuls.server.storage;

import org.eclipse.store.storage.types.StorageEntity;
import org.eclipse.store.storage.types.StorageEntityCacheEvaluator;

/**
 * Eclipse Store's cache policy, except that a start caches no entity data. By default the start
 * copies every entity it reads from the data files into its own native allocation, up to the cache
 * threshold: with two million profiles that was six of the eleven seconds to ready, for data that
 * the lazy shards load when they are first used anyway.
 */
final class LoadOnDemandCacheEvaluator implements StorageEntityCacheEvaluator {

    private final StorageEntityCacheEvaluator policy;

    LoadOnDemandCacheEvaluator(StorageEntityCacheEvaluator policy) {
        this.policy = policy;
    }

    @Override
    public boolean clearEntityCache(long totalCacheSize, long evaluationTime, StorageEntity entity) {
        return policy.clearEntityCache(totalCacheSize, evaluationTime, entity);
    }

    @Override
    public boolean initiallyCacheEntity(long totalCacheSize, long evaluationTime, StorageEntity entity) {
        return false;
    }
}
