package de.kundenpuls.server;

import de.kundenpuls.server.analytics.AlertLog;
import de.kundenpuls.server.analytics.Rollups;
import de.kundenpuls.server.analytics.ScoreTargets;
import de.kundenpuls.server.analytics.TopicIndex;
import de.kundenpuls.server.campaign.CampaignStore;
import de.kundenpuls.server.cases.CaseStore;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.cases.StaffRoster;
import de.kundenpuls.server.contact.ContactLog;
import de.kundenpuls.server.feedback.FeedbackData;
import de.kundenpuls.server.kiosk.KioskFleet;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.privacy.AuditLog;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.storage.Transaction;
import de.kundenpuls.server.survey.SurveyStore;

/**
 * The root of the stored object graph, and the registry of every feature's container: one typed
 * field each, created with the root. The composition root is the one place that knows all
 * features, so the registry lives here and the {@code storage} package stays free of them.
 *
 * <p>Adding a container later: add a field here and a line to {@link #completeMissing}. A data
 * directory of the older layout loads with that field null (Eclipse Store's legacy type mapping
 * keeps the other fields), and the migration at start fills it in.
 */
public final class StoredRoot {

    private Catalog catalog = new Catalog();
    private Profiles profiles = new Profiles();
    private AuditLog audit = new AuditLog();
    private SurveyStore surveys = new SurveyStore();
    private FeedbackData feedback = new FeedbackData();
    private Rollups rollups = new Rollups();
    private CaseStore cases = new CaseStore();
    private AlertLog alerts = new AlertLog();
    private OfferStore offers = new OfferStore();
    private CampaignStore campaigns = new CampaignStore();
    private KioskFleet kiosks = new KioskFleet();
    private ScoreTargets targets = new ScoreTargets();
    private TopicIndex topics = new TopicIndex();
    private ContactLog contacts = new ContactLog();
    private StaffRoster staff = new StaffRoster();

    /**
     * The migration at start: creates the containers that a data directory of an older layout
     * lacks, and moves containers whose layout changed. Writer thread only.
     *
     * @param tx stores the root when a container was added
     */
    public void completeMissing(Transaction tx) {
        int before = missing();
        catalog = orNew(catalog, Catalog::new);
        profiles = orNew(profiles, Profiles::new);
        audit = orNew(audit, AuditLog::new);
        surveys = orNew(surveys, SurveyStore::new);
        feedback = orNew(feedback, FeedbackData::new);
        rollups = orNew(rollups, Rollups::new);
        cases = orNew(cases, CaseStore::new);
        alerts = orNew(alerts, AlertLog::new);
        offers = orNew(offers, OfferStore::new);
        campaigns = orNew(campaigns, CampaignStore::new);
        kiosks = orNew(kiosks, KioskFleet::new);
        targets = orNew(targets, ScoreTargets::new);
        topics = orNew(topics, TopicIndex::new);
        contacts = orNew(contacts, ContactLog::new);
        staff = orNew(staff, StaffRoster::new);
        if (before > 0) {
            tx.store(this);
        }
        profiles.upgrade(tx);
        offers.upgrade(tx);
        campaigns.upgrade(tx);
        audit.upgrade(tx);
        rollups.upgrade(tx);
    }

    private int missing() {
        return (int) java.util.stream.Stream.of(catalog, profiles, audit, surveys, feedback, rollups, cases, alerts, offers,
                campaigns, kiosks, targets, topics, contacts, staff).filter(java.util.Objects::isNull).count();
    }

    private static <T> T orNew(T current, java.util.function.Supplier<T> factory) {
        return current != null ? current : factory.get();
    }

    /** Stores, touchpoints and products. */
    public Catalog catalog() {
        return catalog;
    }

    /** Customer profiles. */
    public Profiles profiles() {
        return profiles;
    }

    /** The audit log. */
    public AuditLog audit() {
        return audit;
    }

    /** Survey versions. */
    public SurveyStore surveys() {
        return surveys;
    }

    /** Raw answers and the per-customer index into them. */
    public FeedbackData feedback() {
        return feedback;
    }

    /** Score roll-ups per day, week and month. */
    public Rollups rollups() {
        return rollups;
    }

    /** Follow-up cases. */
    public CaseStore cases() {
        return cases;
    }

    /** Raised alerts. */
    public AlertLog alerts() {
        return alerts;
    }

    /** Offers and grants. */
    public OfferStore offers() {
        return offers;
    }

    /** Campaigns and their recipients. */
    public CampaignStore campaigns() {
        return campaigns;
    }

    /** Enrolled kiosks. */
    public KioskFleet kiosks() {
        return kiosks;
    }

    /** What comments are about: term counts per store and day. */
    public TopicIndex topics() {
        return topics;
    }

    /** The stores' score targets. */
    public ScoreTargets targets() {
        return targets;
    }

    /** Every contact with a customer, for the contact budget. */
    public ContactLog contacts() {
        return contacts;
    }

    /** The stores' staff who work cases, for assigning them. */
    public StaffRoster staff() {
        return staff;
    }
}
