package de.kundenpuls.server.profile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The uids of one chunk of the audience index as one immutable byte array: {@code n + 1} int
 * offsets, then the UTF-8 bytes of each uid (an empty range for a free or erased slot). One stored
 * array instead of one stored string per profile, read in constant time by slot.
 */
final class UidBlock {

    private UidBlock() {
    }

    /** A block of {@code slots} empty slots. */
    static byte[] empty(int slots) {
        int header = (slots + 1) * Integer.BYTES;
        ByteBuffer b = ByteBuffer.allocate(header);
        for (int i = 0; i <= slots; i++) {
            b.putInt(header);
        }
        return b.array();
    }

    /** A block from an array of uids (nulls for empty slots). */
    static byte[] of(String[] uids) {
        byte[] block = empty(uids.length);
        for (int slot = 0; slot < uids.length; slot++) {
            if (uids[slot] != null) {
                block = with(block, slot, uids[slot]);
            }
        }
        return block;
    }

    /** The uid in a slot, or null. */
    static String at(byte[] block, int slot) {
        ByteBuffer b = ByteBuffer.wrap(block);
        int from = b.getInt(slot * Integer.BYTES);
        int to = b.getInt((slot + 1) * Integer.BYTES);
        return from == to ? null : new String(block, from, to - from, StandardCharsets.UTF_8);
    }

    /** A copy of the block with a slot set to a uid, or emptied with null. */
    static byte[] with(byte[] block, int slot, String uid) {
        ByteBuffer b = ByteBuffer.wrap(block);
        int header = b.getInt(0);
        byte[] value = uid == null ? new byte[0] : uid.getBytes(StandardCharsets.UTF_8);
        int from = b.getInt(slot * Integer.BYTES);
        int to = b.getInt((slot + 1) * Integer.BYTES);
        int delta = value.length - (to - from);
        ByteBuffer next = ByteBuffer.allocate(block.length + delta);
        for (int i = 0; i < header / Integer.BYTES; i++) {
            next.putInt(i * Integer.BYTES, b.getInt(i * Integer.BYTES) + (i > slot ? delta : 0));
        }
        next.put(header, block, header, from - header);
        next.put(from, value);
        next.put(from + value.length, block, to, block.length - to);
        return next.array();
    }

}
