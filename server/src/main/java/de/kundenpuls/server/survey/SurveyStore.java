package de.kundenpuls.server.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.storage.Transaction;

/** Every version of every survey. Writes on the storage writer thread only. */
public final class SurveyStore {

    private final ConcurrentHashMap<String, CopyOnWriteArrayList<SurveyView>> surveys = new ConcurrentHashMap<>();

    /**
     * The newest version of a survey.
     *
     * @param id the survey
     * @return its newest version
     */
    public Optional<SurveyView> latest(String id) {
        List<SurveyView> versions = surveys.get(id);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * One version of a survey.
     *
     * @param id      the survey
     * @param version the version
     * @return that version
     */
    public Optional<SurveyView> version(String id, int version) {
        List<SurveyView> versions = surveys.get(id);
        if (versions == null || version < 1 || version > versions.size()) {
            return Optional.empty();
        }
        return Optional.of(versions.get(version - 1));
    }

    /** The newest version of each survey. */
    public List<SurveyView> allLatest() {
        List<SurveyView> result = new ArrayList<>();
        surveys.values().forEach(v -> result.add(v.get(v.size() - 1)));
        result.sort(java.util.Comparator.comparing(SurveyView::createdAt).reversed());
        return result;
    }

    /**
     * Appends a version. Writer thread only.
     *
     * @param view the new version (its number must follow the last)
     * @param tx   the transaction
     */
    public void add(SurveyView view, Transaction tx) {
        CopyOnWriteArrayList<SurveyView> versions = surveys.get(view.id());
        if (versions == null) {
            versions = new CopyOnWriteArrayList<>();
            versions.add(view);
            surveys.put(view.id(), versions);
            tx.store(surveys);
        } else {
            versions.add(view);
            tx.store(versions);
        }
    }
}
