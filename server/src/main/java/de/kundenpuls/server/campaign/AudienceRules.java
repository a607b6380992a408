package de.kundenpuls.server.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.kundenpuls.model.campaign.CampaignDefinition.Audience;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.profile.Profiles;

/**
 * Evaluates audience rules over all profiles in one pass. The {@code marketing_push} consent and a
 * registered device are always required, whatever the rules say.
 */
public final class AudienceRules {

    private final CampaignStore store;

    /**
     * Creates the evaluator.
     *
     * @param store latest NPS answers
     */
    public AudienceRules(CampaignStore store) {
        this.store = store;
    }

    /**
     * A profile that matches, with the device to send to.
     *
     * @param profile the profile
     * @param device  its most recently registered device of a wanted platform
     */
    public record Target(Profile profile, Device device) {
    }

    /**
     * Everyone the audience reaches.
     *
     * @param audience the rules
     * @param profiles all profiles
     * @param now      the time
     * @return the targets
     */
    public List<Target> evaluate(Audience audience, Profiles profiles, Instant now) {
        List<Target> targets = new ArrayList<>();
        double minAffinity = audience.minAffinity() == null ? 0.1 : audience.minAffinity();
        Instant visitedAfter = audience.visitedWithinDays() == null ? null : now.minus(Duration.ofDays(audience.visitedWithinDays()));
        profiles.forEach(p -> match(p, audience, minAffinity, visitedAfter).ifPresent(targets::add));
        return targets;
    }

    private Optional<Target> match(Profile p, Audience a, double minAffinity, Instant visitedAfter) {
        if (!p.allows(ConsentPurpose.MARKETING_PUSH) || p.devices().isEmpty()) {
            return Optional.empty();
        }
        if (!a.homeStoreIds().isEmpty() && (p.homeStoreId() == null || !a.homeStoreIds().contains(p.homeStoreId()))) {
            return Optional.empty();
        }
        if (!a.locales().isEmpty() && !a.locales().contains(p.locale())) {
            return Optional.empty();
        }
        if (a.category() != null && p.affinities().getOrDefault(a.category(), 0.0) < minAffinity) {
            return Optional.empty();
        }
        if (!a.npsGroups().isEmpty()) {
            Optional<Integer> nps = store.latestNps(p.uid());
            if (nps.isEmpty() || !a.npsGroups().contains(group(nps.get()))) {
                return Optional.empty();
            }
        }
        if (visitedAfter != null) {
            boolean visited = false;
            for (Interaction i : p.history()) {
                if (i.at().isAfter(visitedAfter)) {
                    visited = true;
                    break;
                }
            }
            if (!visited) {
                return Optional.empty();
            }
        }
        Device device = null;
        for (Device d : p.devices()) {
            if ((a.platforms().isEmpty() || a.platforms().contains(d.platform()))
                    && (device == null || d.registeredAt().isAfter(device.registeredAt()))) {
                device = d;
            }
        }
        return device == null ? Optional.empty() : Optional.of(new Target(p, device));
    }

    /** Bain's groups: 9–10 promoter, 7–8 passive, 0–6 detractor. */
    static String group(int nps) {
        return nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
    }
}
