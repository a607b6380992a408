package de.kundenpuls.server.storage;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Field helpers for containers that store records as bytes (answers, profiles): one stored entity
 * instead of a dozen per record (see {@code package-info}). Optional values carry a presence
 * flag; free text is written as counted UTF-8 because {@code writeUTF} stops at 64 KB.
 */
public final class Encoded {

    private Encoded() {
    }

    /** Writes a string that may be null. */
    public static void string(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    /** Reads what {@link #string(DataOutput, String)} wrote. */
    public static String string(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Writes free text of any length that may be null. */
    public static void text(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads what {@link #text(DataOutput, String)} wrote. */
    public static String text(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] utf8 = new byte[n];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Writes a time that is never null. */
    public static void instant(DataOutput out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    /** Reads what {@link #instant(DataOutput, Instant)} wrote. */
    public static Instant instant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /** Writes a time that may be null. */
    public static void optionalInstant(DataOutput out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            instant(out, t);
        }
    }

    /** Reads what {@link #optionalInstant(DataOutput, Instant)} wrote. */
    public static Instant optionalInstant(DataInput in) throws IOException {
        return in.readBoolean() ? instant(in) : null;
    }
}
