package de.kundenpuls.server.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.PackedMap;
import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * All customer profiles: each encoded as bytes ({@link ProfileCodec}), packed by uid into the shards
 * of a {@link PackedMap}, and indexed for audiences in the {@link AudienceIndex}.
 *
 * <p>A change stores the profile's shard (about 10 profiles at ten million) and its chunk of the
 * audience index; nothing that grows with the population. A restart loads the index facets (16
 * bytes a profile) and no profile; shards load on first use.
 *
 * <p>Writes happen only on the storage writer thread (inside a {@code Change}); reads may come
 * from any thread.
 */
public final class Profiles {

    private PackedMap byUidPacked = new PackedMap();
    private AudienceIndex index = new AudienceIndex();
    /**
     * Uid (UTF-8) by {@link EmailKey} of the contact e-mail, for privacy requests that arrive by
     * e-mail; packed like the profiles, so that ten million addresses add about a million stored
     * entities, not twenty. Null in a data directory from before 2026-12-05: {@link #upgrade}
     * creates it and {@link #backfillEmails} fills it slice by slice in the background.
     */
    private PackedMap byEmail = new PackedMap();
    /** The next slice of profiles whose e-mails are not yet in {@link #byEmail}; all of them once complete. */
    private int emailsIndexedUpTo = EMAIL_SLICES;
    private static final int EMAIL_SLICES = PackedMap.PAGES * PackedMap.SLICES_PER_PAGE;
    /**
     * The layout from 2026-12-02 until 2026-12-02f: a map of uid strings to profile bytes, two
     * stored entities a profile (twenty million to index at start at ten million profiles). Kept
     * only so that such a data directory still loads; {@link #upgrade} moves it into
     * {@link #byUidPacked}.
     */
    private ShardedMap<String, byte[]> byUid;
    /**
     * The layout before 2026-12-02: 1,024 lazy maps of profile records. Kept only so that such a
     * data directory still loads; {@link #upgrade} moves its profiles into {@link #byUidPacked}.
     */
    private Shard[] shards;

    /**
     * The migration at start from the older layout. Writer thread only.
     *
     * @param tx stores what moved
     * @return how many profiles moved
     */
    public int upgrade(Transaction tx) {
        if (byEmail == null) {
            // Loaded from an older layout: the profiles are there, their e-mails not yet indexed.
            byEmail = new PackedMap();
            emailsIndexedUpTo = 0;
            tx.store(this);
        }
        if (byUidPacked == null) {
            byUidPacked = new PackedMap();
            if (byUid == null) {
                index = new AudienceIndex();
            }
            tx.store(this);
        }
        int[] moved = {0};
        if (byUid != null) {
            byUid.forEach((uid, stored) -> {
                byUidPacked.put(uid, stored, tx);
                moved[0]++;
            });
            byUid = null;
            tx.store(this);
        }
        if (shards == null) {
            return moved[0];
        }
        for (Shard shard : shards) {
            for (Profile p : shard.data.get().values()) {
                put(p, tx);
                moved[0]++;
            }
        }
        shards = null;
        tx.store(this);
        return moved[0];
    }

    /**
     * A profile by user id.
     *
     * @param uid the user id
     * @return the profile, if any
     */
    public Optional<Profile> find(String uid) {
        byte[] stored = byUidPacked.get(uid);
        return stored == null ? Optional.empty() : Optional.of(ProfileCodec.decode(stored));
    }

    /**
     * A profile's number in the {@link AudienceIndex}, to test it against an audience's bitmap.
     *
     * @param uid the profile
     * @return its number, or empty when there is no such profile
     */
    public java.util.OptionalInt number(String uid) {
        byte[] stored = byUidPacked.get(uid);
        return stored == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ProfileCodec.number(stored));
    }

    /**
     * Stores a new or replaced profile. Call on the writer thread only.
     *
     * @param profile the profile
     * @param tx      the transaction that stores the changed shard
     */
    public void put(Profile profile, Transaction tx) {
        byte[] current = byUidPacked.get(profile.uid());
        int number = current == null ? index.add(profile.uid(), tx) : ProfileCodec.number(current);
        byUidPacked.put(profile.uid(), ProfileCodec.encode(number, profile), tx);
        index.update(number, profile, tx);
        reindexEmail(profile.uid(), current == null ? null : emailOf(ProfileCodec.decode(current)), emailOf(profile), tx);
    }

    /**
     * The profile whose contact e-mail is this one (exact, case-insensitive), from the e-mail index.
     *
     * @param email the address
     * @return the profile, if one has it
     */
    public Optional<Profile> findByEmail(String email) {
        byte[] uid = byEmail.get(EmailKey.of(email));
        return uid == null ? Optional.empty() : find(new String(uid, StandardCharsets.UTF_8))
                .filter(p -> EmailKey.of(email).equals(EmailKey.of(emailOf(p))));
    }

    /** How far the backfill of an older directory's e-mails got, in percent. */
    public int emailsIndexedPercent() {
        return (int) (100L * Math.min(emailsIndexedUpTo, EMAIL_SLICES) / EMAIL_SLICES);
    }

    /** Whether every profile's e-mail is in the index (false while an older directory is backfilled). */
    public boolean emailsIndexed() {
        return emailsIndexedUpTo >= EMAIL_SLICES;
    }

    /**
     * The next slice of an older data directory's profiles whose e-mails are not yet indexed,
     * read off the writer thread (loading its shards from disk is most of the work): about 1/16,384
     * of the profiles, with the empty slices before it passed over.
     *
     * @return the slice and the key and uid of each e-mail in it; empty once all are indexed
     */
    public Optional<EmailSlice> nextEmailSlice() {
        int slice = emailsIndexedUpTo;
        List<String[]> found = new ArrayList<>();
        int[] seen = {0};
        while (slice < EMAIL_SLICES && seen[0] == 0) {
            byUidPacked.forEachInSlice(slice, (uid, stored) -> {
                seen[0]++;
                String email = emailOf(ProfileCodec.decode(stored));
                if (email != null) {
                    String key = EmailKey.of(email);
                    // Loads the index shard the commit will change, here rather than on the writer.
                    byEmail.get(key);
                    found.add(new String[] {key, uid});
                }
            });
            slice++;
        }
        return emailsIndexed() ? Optional.empty() : Optional.of(new EmailSlice(slice, found));
    }

    /**
     * Profiles read for the e-mail index: indexing continues after {@code upTo}.
     *
     * @param upTo   the first slice not read
     * @param emails key and uid of each e-mail
     */
    public record EmailSlice(int upTo, List<String[]> emails) {
    }

    /**
     * Indexes a slice read by {@link #nextEmailSlice}. A profile changed or erased since it was
     * read indexed its new address itself; an entry left for an old address finds nobody, since a
     * lookup compares the profile's address. Writer thread only.
     *
     * @param slice what was read
     * @param tx    the transaction
     * @return whether every profile's e-mail is indexed now
     */
    public boolean indexEmails(EmailSlice slice, Transaction tx) {
        for (String[] e : slice.emails()) {
            if (byEmail.get(e[0]) == null) {
                byEmail.put(e[0], e[1].getBytes(StandardCharsets.UTF_8), tx);
            }
        }
        emailsIndexedUpTo = Math.max(emailsIndexedUpTo, slice.upTo());
        tx.store(this);
        return emailsIndexed();
    }

    private void reindexEmail(String uid, String before, String after, Transaction tx) {
        String was = before == null ? null : EmailKey.of(before);
        String is = after == null ? null : EmailKey.of(after);
        if (was != null && !was.equals(is)) {
            byte[] holder = byEmail.get(was);
            if (holder != null && uid.equals(new String(holder, StandardCharsets.UTF_8))) {
                byEmail.remove(was, tx);
            }
        }
        if (is != null && !is.equals(was)) {
            byEmail.put(is, uid.getBytes(StandardCharsets.UTF_8), tx);
        }
    }

    private static String emailOf(Profile p) {
        return p.contact() == null || p.contact().email() == null || p.contact().email().isBlank() ? null : p.contact().email();
    }

    /**
     * Replaces a profile with an updated copy, if it exists. Call on the writer thread only.
     *
     * @param uid    the user id
     * @param update makes the new version
     * @param tx     the transaction
     * @return the new version, or empty when there is no such profile
     */
    public Optional<Profile> update(String uid, UnaryOperator<Profile> update, Transaction tx) {
        byte[] current = byUidPacked.get(uid);
        if (current == null) {
            return Optional.empty();
        }
        Profile before = ProfileCodec.decode(current);
        Profile next = update.apply(before);
        int number = ProfileCodec.number(current);
        byUidPacked.put(uid, ProfileCodec.encode(number, next), tx);
        index.update(number, next, tx);
        reindexEmail(uid, emailOf(before), emailOf(next), tx);
        return Optional.of(next);
    }

    /**
     * Records the latest NPS answer of a profile for audiences by NPS group. Writer thread only.
     *
     * @param uid the user id
     * @param nps the score, 0–10
     * @param tx  the transaction
     */
    public void recordNps(String uid, int nps, Transaction tx) {
        byte[] current = byUidPacked.get(uid);
        if (current != null) {
            index.recordNps(ProfileCodec.number(current), nps, tx);
        }
    }

    /**
     * Removes a profile. Call on the writer thread only.
     *
     * @param uid the user id
     * @param tx  the transaction
     * @return the removed profile, if there was one
     */
    public Optional<Profile> remove(String uid, Transaction tx) {
        byte[] removed = byUidPacked.remove(uid, tx);
        if (removed == null) {
            return Optional.empty();
        }
        index.remove(ProfileCodec.number(removed), tx);
        Profile gone = ProfileCodec.decode(removed);
        reindexEmail(uid, emailOf(gone), null, tx);
        return Optional.of(gone);
    }

    /**
     * The audience index (for campaigns).
     *
     * @return the index
     */
    public AudienceIndex index() {
        return index;
    }

    /**
     * Visits every profile (loads every shard: for checks and benchmarks, never on a request).
     *
     * @param visitor called once per profile
     */
    public void forEach(Consumer<Profile> visitor) {
        byUidPacked.forEach((uid, stored) -> visitor.accept(ProfileCodec.decode(stored)));
    }

    /**
     * Lets the JVM drop every stored profile shard it holds (the next access loads it again). For
     * bulk loads, which would otherwise keep every profile they wrote. Writer thread only.
     */
    public void unloadStored() {
        byUidPacked.unloadStored();
    }

    /**
     * The storage page of a uid (for bulk loads, which write page by page).
     *
     * @param uid the user id
     * @return the page, 0 … 255
     */
    public int pageOf(String uid) {
        return byUidPacked.pageOf(uid);
    }

    /** Number of profiles (from the index; loads no profile). */
    public long count() {
        return index.count();
    }

    /** One bucket of profiles of the older layout. */
    static final class Shard {
        private final Lazy<ConcurrentHashMap<String, Profile>> data = Lazy.Reference(new ConcurrentHashMap<>());
    }
}
