package de.kundenpuls.server.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import de.kundenpuls.server.storage.Encoded;

/**
 * The stored form of a cell's newest comments of one key: one byte array, newest first. Layout,
 * version 1: {@code byte version}, {@code short count}, then per comment the id, the time, the text
 * (counted UTF-8), the touchpoint and rating and NPS (−1 for none).
 */
final class RecentComments {

    private static final byte VERSION_1 = 1;

    private RecentComments() {
    }

    static byte[] encode(List<Rollups.RecentComment> comments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * comments.size() + 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION_1);
            out.writeShort(comments.size());
            for (Rollups.RecentComment c : comments) {
                UUID id = c.feedbackId();
                out.writeLong(id.getMostSignificantBits());
                out.writeLong(id.getLeastSignificantBits());
                Encoded.instant(out, c.at());
                Encoded.text(out, c.text());
                out.writeUTF(c.touchpoint());
                out.writeByte(c.rating() == null ? -1 : c.rating());
                out.writeByte(c.nps() == null ? -1 : c.nps());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Rollups.RecentComment> decode(byte[] encoded) {
        List<Rollups.RecentComment> list = new ArrayList<>();
        visit(encoded, list::add);
        return list;
    }

    /** Visits the comments newest first until the visitor declines one. */
    static void visit(byte[] encoded, Predicate<Rollups.RecentComment> visitor) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte version = in.readByte();
            if (version != VERSION_1) {
                throw new IllegalStateException("Unknown stored comment layout " + version);
            }
            int count = in.readShort();
            for (int i = 0; i < count; i++) {
                UUID id = new UUID(in.readLong(), in.readLong());
                Instant at = Encoded.instant(in);
                String text = Encoded.text(in);
                String touchpoint = in.readUTF();
                int rating = in.readByte();
                int nps = in.readByte();
                if (!visitor.test(new Rollups.RecentComment(id, at, text, touchpoint, rating < 0 ? null : rating,
                        nps < 0 ? null : nps))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
