package de.kundenpuls.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lookup after a restart loads the shard of its key and nothing else. (Until 2026-12-02 a page
 * of 256 shards loaded at once: right after a restart with two million profiles, PATCH /api/me
 * managed 78 requests/s while pages of 7,680 profiles loaded one after the other.)
 */
class ShardedMapLoadingTest {

    @TempDir
    Path dir;

    /** A stored root holding one map. */
    static final class Root {
        final ShardedMap<String, String> map = new ShardedMap<>();
    }

    @Test
    void aLookupAfterARestartLoadsOnlyItsShard() {
        int keys = 20_000;
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            ShardedMap<String, String> map = storage.root(Root.class).map;
            storage.writer().write(tx -> {
                for (int i = 0; i < keys; i++) {
                    map.put("k" + i, "v" + i, tx);
                }
                return null;
            });
            assertThat(map.loadedShards()).as("shards in use after the writes").isGreaterThan(15_000);
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            ShardedMap<String, String> map = storage.root(Root.class).map;
            assertThat(map.loadedShards()).isZero();
            assertThat(map.get("k4711")).isEqualTo("v4711");
            assertThat(map.get("k12")).isEqualTo("v12");
            assertThat(map.loadedShards()).as("shards loaded by two lookups").isEqualTo(2);
        }
    }

    @Test
    void unloadedShardsLoadAgainWithTheirLatestState() {
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            ShardedMap<String, String> map = storage.root(Root.class).map;
            storage.writer().write(tx -> {
                for (int i = 0; i < 1_000; i++) {
                    map.put("k" + i, "v" + i, tx);
                }
                return null;
            });
            storage.writer().write(tx -> {
                map.put("k7", "changed", tx);
                map.remove("k8", tx);
                return null;
            });
            storage.writer().write(tx -> {
                map.unloadStored();
                return null;
            });
            assertThat(map.loadedShards()).isZero();
            assertThat(map.get("k7")).isEqualTo("changed");
            assertThat(map.get("k8")).isNull();
            assertThat(map.get("k999")).isEqualTo("v999");
            storage.writer().write(tx -> {
                map.put("k999", "again", tx);
                return null;
            });
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            ShardedMap<String, String> map = storage.root(Root.class).map;
            assertThat(map.get("k999")).isEqualTo("again");
            assertThat(map.get("k7")).isEqualTo("changed");
            int[] count = {0};
            map.forEach((k, v) -> count[0]++);
            assertThat(count[0]).isEqualTo(999);
        }
    }
}
