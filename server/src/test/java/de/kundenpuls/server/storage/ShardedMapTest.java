package de.kundenpuls.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Keys that share a shard must not share a bin of the shard's {@code ConcurrentHashMap}: the bin
 * is chosen by the low bits of the hash, so the shard must be chosen by other bits. (The first
 * placement used the same bits; at ten million profiles every shard was one treeified bin.)
 */
class ShardedMapTest {

    @Test
    void keysOfOneShardSpreadOverTheShardMapsBins() {
        ShardedMap<String, String> map = new ShardedMap<>();
        Map<Integer, Set<Integer>> binsPerShard = new HashMap<>();
        Map<Integer, Integer> keysPerShard = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            String key = "p" + i;
            int shard = map.place(key) & 0xffff;
            int h = key.hashCode();
            int bin = (h ^ (h >>> 16)) & 255;
            binsPerShard.computeIfAbsent(shard, k -> new HashSet<>()).add(bin);
            keysPerShard.merge(shard, 1, Integer::sum);
        }
        assertThat(keysPerShard).as("every shard is used").hasSize(65_536);
        double keys = keysPerShard.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        double bins = binsPerShard.values().stream().mapToInt(Set::size).average().orElseThrow();
        // About 30 keys per shard; random placement into 256 bins gives about 28 distinct bins.
        assertThat(bins).as("distinct bins per shard for %.0f keys per shard", keys).isGreaterThan(keys * 0.8);
    }
}
