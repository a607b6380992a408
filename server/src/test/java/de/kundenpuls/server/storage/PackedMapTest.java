package de.kundenpuls.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed map holds what a plain map would, across restarts and unloads, and stays a few
 * stored entities a shard: its point is that ten million records are not twenty million entities
 * for Eclipse Store to index at start.
 */
class PackedMapTest {

    @TempDir
    Path dir;

    /** A stored root holding one map. */
    static final class Root {
        final PackedMap map = new PackedMap();
    }

    @Test
    void randomChangesLeaveWhatAPlainMapHoldsAcrossUnloadsAndRestarts() {
        Map<String, byte[]> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 3; round++) {
            try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
                PackedMap map = storage.root(Root.class).map;
                assertSame(map, expected);
                for (int batch = 0; batch < 20; batch++) {
                    storage.writer().write(tx -> {
                        for (int i = 0; i < 500; i++) {
                            // Few keys (ü: multi-byte UTF-8), so that puts replace and removes hit.
                            String key = "kü" + random.nextInt(3_000);
                            if (random.nextInt(4) == 0) {
                                byte[] removed = map.remove(key, tx);
                                byte[] was = expected.remove(key);
                                assertThat(removed).isEqualTo(was);
                            } else {
                                byte[] value = new byte[random.nextInt(300)];
                                random.nextBytes(value);
                                map.put(key, value, tx);
                                expected.put(key, value);
                            }
                        }
                        return null;
                    });
                    if (batch % 7 == 6) {
                        storage.writer().write(tx -> {
                            map.unloadStored();
                            return null;
                        });
                    }
                }
                assertSame(map, expected);
            }
        }
    }

    @Test
    void aRecordIsACopyThatCallersCannotChangeInTheMap() {
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            PackedMap map = storage.root(Root.class).map;
            storage.writer().write(tx -> {
                map.put("a", new byte[] {1, 2, 3}, tx);
                return null;
            });
            map.get("a")[0] = 9;
            assertThat(map.get("a")).containsExactly(1, 2, 3);
            assertThat(map.get("b")).isNull();
        }
    }

    @Test
    void aKeyLongerThanTheLengthFieldIsRefusedBeforeAnythingChanges() {
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            PackedMap map = storage.root(Root.class).map;
            assertThatThrownBy(() -> storage.writer().write(tx -> {
                map.put("x".repeat(70_000), new byte[1], tx);
                return null;
            })).isInstanceOf(IllegalArgumentException.class);
            int[] count = {0};
            map.forEach((k, v) -> count[0]++);
            assertThat(count[0]).isZero();
        }
    }

    @Test
    void aShardIsThreeStoredEntitiesHoweverManyRecordsItHolds() throws Exception {
        int spread = 50_000;
        int crowded = 4_096;
        int shards;
        try (Storage storage = Storage.open(StorageSettings.of(dir), Root.class, Root::new)) {
            PackedMap map = storage.root(Root.class).map;
            storage.writer().write(tx -> {
                for (int i = 0; i < spread; i++) {
                    map.put("p" + i, ("r" + i).getBytes(StandardCharsets.UTF_8), tx);
                }
                // Keys that all fall into one shard: "Aa" and "BB" have the same hash code, and so has
                // every string of twelve of them.
                for (int i = 0; i < crowded; i++) {
                    StringBuilder key = new StringBuilder();
                    for (int bit = 0; bit < 12; bit++) {
                        key.append((i >> bit & 1) == 0 ? "Aa" : "BB");
                    }
                    map.put(key.toString(), new byte[] {(byte) i}, tx);
                }
                return null;
            });
            shards = map.shardsInUse();
        }
        // Eclipse Store writes each entity with a header naming its length; the one commit above
        // wrote every entity once. As a map of strings to byte arrays they would be two a record.
        // Beyond the shards: the page arrays and their lazy references, the root and the map.
        long entities = storedEntities(dir);
        assertThat(shards).isLessThanOrEqualTo(spread + 1);
        assertThat(entities).as("stored entities for %,d records in %,d shards", spread + crowded, shards)
                .isLessThanOrEqualTo(3L * shards + 2L * PackedMap.PAGES + 64);
    }

    private static void assertSame(PackedMap map, Map<String, byte[]> expected) {
        Map<String, byte[]> actual = new HashMap<>();
        map.forEach((k, v) -> assertThat(actual.put(k, v)).as("key %s once", k).isNull());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> {
            assertThat(actual.get(k)).as(k).isEqualTo(v);
            assertThat(map.get(k)).as(k).isEqualTo(v);
        });
    }

    /**
     * Counts the distinct stored entities (object ids) in the data files of a directory. By id,
     * not by record: housekeeping may have copied live records into a new file already while the
     * old file still holds them (it did, under load beside the suite).
     */
    private static long storedEntities(Path dir) throws Exception {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".dat")).toList()) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(f)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 8) {
                    long length = b.getLong(b.position());
                    if (length <= 0) {
                        break;
                    }
                    if (length >= 24) {
                        // Entity header: length, type id, object id.
                        ids.add(b.getLong(b.position() + 16));
                    }
                    b.position(b.position() + (int) Math.abs(length));
                }
            }
        }
        return ids.size();
    }
}
