package de.kundenpuls.server.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.server.storage.Encoded;

/**
 * The stored form of an answer: one length-prefixed record of bytes.
 *
 * <p>Why bytes and not the {@link FeedbackEntry} record itself: Eclipse Store stores every object
 * as an entity of its own (the record, its UUID, two Instants, each String, each map), about a
 * dozen per answer, and builds an index entry for each of them at start. At ten million answers
 * that is over a hundred million entities, gigabytes on disk and minutes of start-up. A segment of
 * a thousand encoded answers is one entity.
 *
 * <p>Layout, version 1: {@code int length} (of what follows), {@code byte version}, then the
 * fields in declaration order; strings as modified UTF-8 with a presence flag, small numbers as
 * one byte with {@value #ABSENT} for null. A change of layout adds a version and keeps reading
 * the old ones.
 */
final class AnswerCodec {

    private static final byte VERSION_1 = 1;
    private static final byte ABSENT = -1;

    private AnswerCodec() {
    }

    /**
     * Encodes one answer with its length prefix.
     *
     * @param e the answer
     * @return the bytes
     */
    static byte[] encode(FeedbackEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0);
            out.writeByte(VERSION_1);
            out.writeLong(e.id().getMostSignificantBits());
            out.writeLong(e.id().getLeastSignificantBits());
            out.writeUTF(e.storeId());
            out.writeUTF(e.touchpoint());
            Encoded.string(out, e.category());
            Encoded.string(out, e.gtin());
            Encoded.instant(out, e.createdAt());
            Encoded.instant(out, e.receivedAt());
            small(out, e.rating());
            small(out, e.nps());
            small(out, e.ces());
            out.writeByte(e.dimensions().size());
            for (Map.Entry<String, Integer> d : e.dimensions().entrySet()) {
                out.writeUTF(d.getKey());
                out.writeByte(d.getValue());
            }
            Encoded.text(out, e.comment());
            Encoded.string(out, e.surveyId());
            out.writeInt(e.surveyVersion() == null ? -1 : e.surveyVersion());
            out.writeShort(e.answers().size());
            for (Map.Entry<String, String> a : e.answers().entrySet()) {
                out.writeUTF(a.getKey());
                Encoded.text(out, a.getValue());
            }
            out.writeUTF(e.channel());
            Encoded.string(out, e.profileUid());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] result = bytes.toByteArray();
        int length = result.length - Integer.BYTES;
        result[0] = (byte) (length >>> 24);
        result[1] = (byte) (length >>> 16);
        result[2] = (byte) (length >>> 8);
        result[3] = (byte) length;
        return result;
    }

    /**
     * Decodes the answer that starts at an offset.
     *
     * @param data   encoded answers, back to back
     * @param offset where the length prefix of the answer starts
     * @return the answer
     */
    static FeedbackEntry decode(byte[] data, int offset) {
        int length = lengthAt(data, offset);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset + Integer.BYTES, length))) {
            byte version = in.readByte();
            if (version != VERSION_1) {
                throw new IllegalStateException("Unknown stored answer layout " + version);
            }
            UUID id = new UUID(in.readLong(), in.readLong());
            String storeId = in.readUTF();
            String touchpoint = in.readUTF();
            String category = Encoded.string(in);
            String gtin = Encoded.string(in);
            Instant createdAt = Encoded.instant(in);
            Instant receivedAt = Encoded.instant(in);
            Integer rating = small(in);
            Integer nps = small(in);
            Integer ces = small(in);
            int dimensionCount = in.readByte();
            Map<String, Integer> dimensions = new HashMap<>();
            for (int i = 0; i < dimensionCount; i++) {
                dimensions.put(in.readUTF(), (int) in.readByte());
            }
            String comment = Encoded.text(in);
            String surveyId = Encoded.string(in);
            int surveyVersion = in.readInt();
            int answerCount = in.readShort();
            Map<String, String> answers = new HashMap<>();
            for (int i = 0; i < answerCount; i++) {
                answers.put(in.readUTF(), Encoded.text(in));
            }
            String channel = in.readUTF();
            String profileUid = Encoded.string(in);
            return new FeedbackEntry(id, storeId, touchpoint, category, gtin, createdAt, receivedAt, rating, nps, ces,
                    dimensions, comment, surveyId, surveyVersion < 0 ? null : surveyVersion, answers, channel, profileUid);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The id of the answer at an offset, read without decoding the rest.
     *
     * @param data   encoded answers
     * @param offset the answer's start
     * @return its id
     */
    static UUID idAt(byte[] data, int offset) {
        int p = offset + Integer.BYTES + 1;
        return new UUID(longAt(data, p), longAt(data, p + Long.BYTES));
    }

    /**
     * The {@code createdAt} of the answer at an offset (epoch seconds), read without decoding the rest.
     *
     * @param data   encoded answers
     * @param offset the answer's start
     * @return its creation time
     */
    static long createdAtSecond(byte[] data, int offset) {
        int p = offset + Integer.BYTES + 1 + 2 * Long.BYTES;
        p = skipUtf(data, p);
        p = skipUtf(data, p);
        p = data[p] == 0 ? p + 1 : skipUtf(data, p + 1);
        p = data[p] == 0 ? p + 1 : skipUtf(data, p + 1);
        return longAt(data, p);
    }

    private static int skipUtf(byte[] data, int p) {
        return p + 2 + (((data[p] & 0xff) << 8) | (data[p + 1] & 0xff));
    }

    /**
     * The offset of the answer after the one at {@code offset}.
     *
     * @param data   encoded answers
     * @param offset an answer's start
     * @return the next answer's start
     */
    static int next(byte[] data, int offset) {
        return offset + Integer.BYTES + lengthAt(data, offset);
    }

    private static int lengthAt(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
                | (data[offset + 3] & 0xff);
    }

    private static long longAt(byte[] data, int p) {
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (data[p + i] & 0xff);
        }
        return v;
    }

    private static void small(DataOutputStream out, Integer v) throws IOException {
        out.writeByte(v == null ? ABSENT : v);
    }

    private static Integer small(DataInputStream in) throws IOException {
        byte v = in.readByte();
        return v == ABSENT ? null : (int) v;
    }
}
