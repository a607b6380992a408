package de.kundenpuls.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * What the stores' staff did with the complaints of the history, through the case API: older
 * cases answered and closed; of each store's three newest, the oldest answered and the others
 * still open, so that some are overdue.
 */
final class DemoCases {

    /** Cases per store still being worked; the older ones are closed. */
    private static final int KEPT_PER_STORE = 3;

    private DemoCases() {
    }

    /**
     * Works the cases.
     *
     * @param stores the stores
     * @param staff  a staff client of a store
     * @param now    the time
     * @return cases left open or answered (not closed)
     */
    static int work(List<StoreView> stores, Function<String, KundenpulsClient> staff, Instant now) {
        int left = 0;
        for (StoreView store : stores) {
            KundenpulsClient desk = staff.apply(store.id());
            List<CaseView> open = new ArrayList<>(desk.cases().list("open"));
            open.sort(Comparator.comparing(CaseView::openedAt));
            // Counted, not drawn: whatever day the demo is written, each store's newest cases are
            // still being worked (the oldest of them answered, the rest open and mostly overdue)
            // and everything before them is closed.
            int firstKept = Math.max(0, open.size() - KEPT_PER_STORE);
            for (int i = 0; i < open.size(); i++) {
                CaseView c = open.get(i);
                if (i < firstKept) {
                    desk.cases().take(c.id());
                    desk.cases().reply(c.id(), reply(c));
                    desk.cases().close(c.id());
                    continue;
                }
                if (i == firstKept && open.size() - firstKept > 1) {
                    desk.cases().take(c.id());
                    desk.cases().reply(c.id(), reply(c));
                }
                left++;
            }
        }
        return left;
    }

    private static String reply(CaseView c) {
        return switch (c.touchpoint()) {
            case "checkout" -> "Das tut uns leid. Wir haben die Kassenbesetzung zu Stoßzeiten erhöht.";
            case "shelf" -> "Danke für den Hinweis, das Regal wird jetzt zweimal täglich aufgefüllt.";
            default -> "Danke, dass Sie uns das sagen. Wir kümmern uns darum und melden uns bei Fragen.";
        };
    }
}
