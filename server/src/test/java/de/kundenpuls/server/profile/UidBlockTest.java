package de.kundenpuls.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A uid block reads back what was set, slot by slot, as an array of strings would. */
class UidBlockTest {

    @Test
    void randomSetsAndClearsReadBackLikeAnArray() {
        SplittableRandom random = new SplittableRandom(3);
        String[] expected = new String[AudienceIndex.CHUNK];
        byte[] block = UidBlock.empty(AudienceIndex.CHUNK);
        for (int step = 0; step < 5_000; step++) {
            int slot = random.nextInt(expected.length);
            String uid = random.nextInt(5) == 0 ? null : "uid-ä" + "x".repeat(random.nextInt(40)) + step;
            block = UidBlock.with(block, slot, uid);
            expected[slot] = uid;
            if (step % 500 == 0) {
                for (int s = 0; s < expected.length; s++) {
                    assertThat(UidBlock.at(block, s)).as("slot %d after step %d", s, step).isEqualTo(expected[s]);
                }
            }
        }
        assertThat(UidBlock.of(expected)).isEqualTo(block);
    }

    @Test
    void anEmptyBlockHoldsNoUid() {
        byte[] block = UidBlock.empty(4);
        for (int s = 0; s < 4; s++) {
            assertThat(UidBlock.at(block, s)).isNull();
        }
    }
}
