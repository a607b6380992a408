package de.kundenpuls.server.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import de.kundenpuls.model.campaign.CampaignDefinition.Audience;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.profile.AudienceIndex;
import de.kundenpuls.server.profile.Profiles;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluates audience rules on the profiles' {@link AudienceIndex}: the size of an audience is a
 * few bitmap operations, and only the profiles actually picked are read. The
 * {@code marketing_push} consent and a registered device are always required, whatever the rules
 * say.
 */
public final class AudienceRules {

    /** Without a given minimum, an affinity counts from the first band (0.1). */
    private static final int DEFAULT_BAND = 1;

    /**
     * A profile that matches, with the device to send to.
     *
     * @param profile the profile
     * @param device  its most recently registered device of a wanted platform
     */
    public record Target(Profile profile, Device device) {
    }

    /**
     * Everyone an audience reaches, counted from the index; the profiles are read as the targets
     * are walked.
     */
    public static final class Matches implements Iterable<Target> {
        private final RoaringBitmap numbers;
        private final Profiles profiles;
        private final Audience audience;

        Matches(RoaringBitmap numbers, Profiles profiles, Audience audience) {
            this.numbers = numbers;
            this.profiles = profiles;
            this.audience = audience;
        }

        /**
         * The next targets from a profile number on.
         *
         * @param fromNumber the first profile number to consider
         * @param max        at most this many targets
         * @return the targets, where to go on, and whether that was the last of them
         */
        public Chunk chunk(int fromNumber, int max) {
            List<Target> targets = new ArrayList<>();
            PeekableIntIterator it = numbers.getIntIterator();
            it.advanceIfNeeded(fromNumber);
            int next = fromNumber;
            while (it.hasNext() && targets.size() < max) {
                int number = it.next();
                target(number).ifPresent(targets::add);
                next = number + 1;
            }
            return new Chunk(targets, next, !it.hasNext());
        }

        /** Whether a profile, by its number, is in the audience. */
        public boolean contains(int number) {
            return numbers.contains(number);
        }

        /** How many profiles the audience reaches. */
        public int size() {
            return numbers.getCardinality();
        }

        @Override
        public Iterator<Target> iterator() {
            PeekableIntIterator it = numbers.getIntIterator();
            return new Iterator<>() {
                private Target next = advance();

                private Target advance() {
                    while (it.hasNext()) {
                        Optional<Target> t = target(it.next());
                        if (t.isPresent()) {
                            return t.get();
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Target next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Target t = next;
                    next = advance();
                    return t;
                }
            };
        }

        /** The profile behind a number with its device; empty if it changed since the index was read. */
        private Optional<Target> target(int number) {
            String uid = profiles.index().uid(number);
            Optional<Profile> profile = uid == null ? Optional.empty() : profiles.find(uid);
            if (profile.isEmpty()) {
                return Optional.empty();
            }
            Device device = null;
            for (Device d : profile.get().devices()) {
                if ((audience.platforms().isEmpty() || audience.platforms().contains(d.platform()))
                        && (device == null || d.registeredAt().isAfter(device.registeredAt()))) {
                    device = d;
                }
            }
            return device == null ? Optional.empty() : Optional.of(new Target(profile.get(), device));
        }
    }

    /**
     * A chunk of targets in profile-number order.
     *
     * @param targets    the targets
     * @param nextNumber the first profile number after them
     * @param done       whether no target follows
     */
    public record Chunk(List<Target> targets, int nextNumber, boolean done) {
    }

    /**
     * Everyone the audience reaches.
     *
     * @param audience the rules
     * @param profiles all profiles
     * @param now      the time
     * @return the matches
     */
    public Matches evaluate(Audience audience, Profiles profiles, Instant now) {
        int band = audience.minAffinity() == null ? DEFAULT_BAND : (int) Math.rint(audience.minAffinity() * 10);
        LocalDate since = audience.visitedWithinDays() == null ? null
                : LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(audience.visitedWithinDays());
        AudienceIndex.Query query = new AudienceIndex.Query(audience.homeStoreIds(), audience.locales(), audience.platforms(),
                audience.ageBands(), audience.npsGroups(), audience.category(), band, since);
        return new Matches(profiles.index().select(query), profiles, audience);
    }
}
