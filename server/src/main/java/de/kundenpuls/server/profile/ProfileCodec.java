package de.kundenpuls.server.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.Encoded;

/**
 * The stored form of a profile: one byte array, led by the profile's number in the audience index.
 *
 * <p>Why bytes: as a record graph a profile is some thirty stored entities (the record, its
 * contact, each map and list, each consent, device, interaction, Instant and String). At ten
 * million profiles that is hundreds of millions of entities to index at start and to hold on the
 * heap. One array is one entity of a few hundred bytes.
 *
 * <p>Layout, version 1: {@code int number}, {@code byte version}, then the fields in declaration
 * order (see {@link Encoded}). A change of layout adds a version and keeps reading the old ones.
 */
final class ProfileCodec {

    private static final byte VERSION_1 = 1;

    private ProfileCodec() {
    }

    /**
     * Encodes a profile.
     *
     * @param number its number in the audience index
     * @param p      the profile
     * @return the bytes
     */
    static byte[] encode(int number, Profile p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(number);
            out.writeByte(VERSION_1);
            out.writeUTF(p.uid());
            Contact c = p.contact();
            Encoded.string(out, c.name());
            Encoded.string(out, c.email());
            Encoded.string(out, c.street());
            Encoded.string(out, c.postalCode());
            Encoded.string(out, c.city());
            Encoded.string(out, c.country());
            Encoded.string(out, p.homeStoreId());
            Encoded.string(out, p.locale());
            Encoded.string(out, p.ageBand());
            out.writeByte(p.consents().size());
            for (Map.Entry<String, Consent> e : p.consents().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeBoolean(e.getValue().granted());
                Encoded.instant(out, e.getValue().at());
                out.writeUTF(e.getValue().source());
            }
            out.writeShort(p.devices().size());
            for (Device d : p.devices()) {
                out.writeUTF(d.token());
                out.writeUTF(d.platform());
                out.writeUTF(d.locale());
                Encoded.optionalInstant(out, d.registeredAt());
            }
            out.writeShort(p.affinities().size());
            for (Map.Entry<String, Double> e : p.affinities().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeShort(p.history().size());
            for (Interaction i : p.history()) {
                Encoded.instant(out, i.at());
                out.writeUTF(i.kind());
                Encoded.string(out, i.storeId());
                Encoded.string(out, i.gtin());
                Encoded.string(out, i.category());
                out.writeByte(i.rating() == null ? -1 : i.rating());
            }
            Encoded.instant(out, p.createdAt());
            Encoded.instant(out, p.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The number a stored profile has in the audience index, read without decoding the rest.
     *
     * @param data a stored profile
     * @return its number
     */
    static int number(byte[] data) {
        return ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    }

    /**
     * Decodes a stored profile.
     *
     * @param data the bytes of {@link #encode}
     * @return the profile
     */
    static Profile decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, Integer.BYTES, data.length - Integer.BYTES))) {
            byte version = in.readByte();
            if (version != VERSION_1) {
                throw new IllegalStateException("Unknown stored profile layout " + version);
            }
            String uid = in.readUTF();
            Contact contact = new Contact(Encoded.string(in), Encoded.string(in), Encoded.string(in), Encoded.string(in),
                    Encoded.string(in), Encoded.string(in));
            String homeStoreId = Encoded.string(in);
            String locale = Encoded.string(in);
            String ageBand = Encoded.string(in);
            int consentCount = in.readByte();
            Map<String, Consent> consents = new HashMap<>();
            for (int i = 0; i < consentCount; i++) {
                consents.put(in.readUTF(), new Consent(in.readBoolean(), Encoded.instant(in), in.readUTF()));
            }
            int deviceCount = in.readShort();
            List<Device> devices = new ArrayList<>(deviceCount);
            for (int i = 0; i < deviceCount; i++) {
                devices.add(new Device(in.readUTF(), in.readUTF(), in.readUTF(), Encoded.optionalInstant(in)));
            }
            int affinityCount = in.readShort();
            Map<String, Double> affinities = new HashMap<>();
            for (int i = 0; i < affinityCount; i++) {
                affinities.put(in.readUTF(), in.readDouble());
            }
            int historyCount = in.readShort();
            List<Interaction> history = new ArrayList<>(historyCount);
            for (int i = 0; i < historyCount; i++) {
                Instant at = Encoded.instant(in);
                String kind = in.readUTF();
                String storeId = Encoded.string(in);
                String gtin = Encoded.string(in);
                String category = Encoded.string(in);
                int rating = in.readByte();
                history.add(new Interaction(at, kind, storeId, gtin, category, rating < 0 ? null : rating));
            }
            Instant createdAt = Encoded.instant(in);
            Instant updatedAt = Encoded.instant(in);
            return new Profile(uid, contact, homeStoreId, locale, ageBand, consents, devices, affinities, history, createdAt,
                    updatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
