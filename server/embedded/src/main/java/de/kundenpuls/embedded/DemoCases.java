package de.kundenpuls.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * What the stores' staff did with the complaints of the history, through the case API: older
 * cases answered and closed, those of the last days partly answered, the newest still open, so
 * that some are overdue.
 */
final class DemoCases {

    private static final Duration CLOSED_BEFORE = Duration.ofDays(5);
    private static final Duration ANSWERED_BEFORE = Duration.ofDays(2);

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
            List<CaseView> open = desk.cases().list("open");
            int i = 0;
            for (CaseView c : open) {
                Instant opened = c.openedAt();
                if (opened.isBefore(now.minus(CLOSED_BEFORE))) {
                    desk.cases().take(c.id());
                    desk.cases().reply(c.id(), reply(c));
                    desk.cases().close(c.id());
                    continue;
                }
                // Of the last days' cases, every other one has been answered.
                if (opened.isBefore(now.minus(ANSWERED_BEFORE)) && i++ % 2 == 0) {
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
