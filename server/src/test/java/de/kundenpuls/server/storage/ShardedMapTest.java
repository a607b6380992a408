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
            int shard = map.shardIndex(key);
            int h = key.hashCode();
            int bin = (h ^ (h >>> 16)) & 255;
            binsPerShard.computeIfAbsent(shard, k -> new HashSet<>()).add(bin);
            keysPerShard.merge(shard, 1, Integer::sum);
        }
        assertThat(map.shardCount()).isEqualTo(262_144);
        assertThat(keysPerShard.size()).as("shards in use").isGreaterThan(map.shardCount() * 999 / 1000);
        int fullest = keysPerShard.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(fullest).as("keys in the fullest shard (about 8 on average)").isLessThan(32);
        double keys = keysPerShard.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        double bins = binsPerShard.values().stream().mapToInt(Set::size).average().orElseThrow();
        // About 8 keys per shard; random placement into 256 bins gives almost as many distinct bins.
        assertThat(bins).as("distinct bins per shard for %.0f keys per shard", keys).isGreaterThan(keys * 0.8);
    }
}
