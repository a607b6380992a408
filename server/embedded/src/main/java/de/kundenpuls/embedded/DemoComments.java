package de.kundenpuls.embedded;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo's customers write, per touchpoint and mood, in German and English, and the three
 * stories planted in the history: the queue at Berlin's checkout, the praised fitting-room staff
 * in Hamburg, and the parking at Munich's entrance.
 */
final class DemoComments {

    /** The queue at Berlin Mitte's checkout, worse every week of the last three. */
    static final Map<String, List<String>> QUEUE = Map.of(
            "de", List.of("Lange Schlange an der Kasse, nur eine Kasse offen.",
                    "Über 15 Minuten an der Kasse gewartet.",
                    "Warum ist immer nur eine Kasse besetzt?",
                    "Die Warteschlange reichte bis zu den Regalen.",
                    "Wieder lange Wartezeit an der Kasse, obwohl genug Personal im Laden war.",
                    "Kasse 2 war zu, die Schlange wurde immer länger.",
                    "Viel zu lange gewartet, die Selbstbedienungskasse war außer Betrieb."),
            "en", List.of("Long queue at the checkout, only one till open.",
                    "Waited more than 15 minutes to pay.",
                    "The queue went back to the shelves."));

    /** Hamburg Altona's fitting-room staff, praised. */
    static final Map<String, List<String>> FITTING_STAFF = Map.of(
            "de", List.of("Sehr freundliche Beratung an der Umkleide!",
                    "Die Mitarbeiterin hat mir super geholfen, die richtige Größe zu finden.",
                    "Tolle Beratung, ich habe mich wohlgefühlt.",
                    "Freundliches Personal, hat mir gleich eine andere Größe gebracht.",
                    "So eine nette Beratung in der Umkleide hatte ich lange nicht."),
            "en", List.of("Lovely staff at the fitting rooms, very helpful.",
                    "The assistant found my size in no time, great service."));

    /** Munich Schwabing's entrance: nowhere to park. */
    static final Map<String, List<String>> PARKING = Map.of(
            "de", List.of("Keinen Parkplatz gefunden.",
                    "Das Parkhaus war schon wieder voll.",
                    "Parken ist hier eine Katastrophe.",
                    "Zu wenige Parkplätze für so einen großen Markt.",
                    "Habe 10 Minuten einen Parkplatz gesucht."),
            "en", List.of("Could not find a parking space.",
                    "The car park was full again."));

    private static final Map<String, Map<String, List<String>>> UNHAPPY = Map.of(
            "entrance", Map.of(
                    "de", List.of("Der Eingang war mit Kartons zugestellt.", "Keine Einkaufswagen am Eingang."),
                    "en", List.of("No trolleys at the entrance.")),
            "shelf", Map.of(
                    "de", List.of("Das Regal war leer, mein Produkt war ausverkauft.", "Der Preis am Regal stimmte nicht.",
                            "Die Milch war schon sauer.", "Ware abgelaufen."),
                    "en", List.of("The shelf was empty, sold out again.", "The price on the shelf was wrong.")),
            "fitting-room", Map.of(
                    "de", List.of("Nur zwei Umkleiden offen.", "Die Umkleide war unordentlich."),
                    "en", List.of("Only two fitting rooms open.")),
            "checkout", Map.of(
                    "de", List.of("Kassiererin war unfreundlich.", "Kartenzahlung ging nicht."),
                    "en", List.of("Card payment did not work.")),
            "service-desk", Map.of(
                    "de", List.of("Niemand an der Servicetheke.", "Umtausch wurde abgelehnt, ohne Begründung."),
                    "en", List.of("Nobody at the service desk.")),
            "app", Map.of(
                    "de", List.of("Die App stürzt beim Scannen ab.", "Angebote in der App gelten nicht im Markt."),
                    "en", List.of("The app crashes when I scan.")));

    private static final Map<String, Map<String, List<String>>> HAPPY = Map.of(
            "entrance", Map.of(
                    "de", List.of("Schön hell und aufgeräumt.", "Freundliche Begrüßung am Eingang."),
                    "en", List.of("Bright and tidy store.")),
            "shelf", Map.of(
                    "de", List.of("Alles gefunden, gut sortiert.", "Frische Ware, gute Auswahl."),
                    "en", List.of("Found everything, well stocked.")),
            "fitting-room", Map.of(
                    "de", List.of("Saubere Umkleiden.", "Genug Platz in der Umkleide."),
                    "en", List.of("Clean fitting rooms.")),
            "checkout", Map.of(
                    "de", List.of("Ging schnell an der Kasse.", "Freundliche Kassiererin."),
                    "en", List.of("Quick checkout, friendly cashier.")),
            "service-desk", Map.of(
                    "de", List.of("Umtausch ging ganz schnell.", "Kompetente Beratung an der Theke."),
                    "en", List.of("Quick and easy exchange.")),
            "app", Map.of(
                    "de", List.of("Scannen geht super schnell.", "Die Angebote passen zu mir."),
                    "en", List.of("Scanning is really fast.")));

    private DemoComments() {
    }

    /**
     * A comment for an ordinary answer.
     *
     * @param touchpoint where
     * @param happy      whether the answer was happy (4 or 5)
     * @param language   de or en
     * @param random     the history's random source
     * @return the comment
     */
    static String ordinary(String touchpoint, boolean happy, String language, Random random) {
        return pick((happy ? HAPPY : UNHAPPY).get(touchpoint), language, random);
    }

    /**
     * A comment from one of the planted stories.
     *
     * @param story    {@link #QUEUE}, {@link #FITTING_STAFF} or {@link #PARKING}
     * @param language de or en
     * @param random   the history's random source
     * @return the comment
     */
    static String planted(Map<String, List<String>> story, String language, Random random) {
        return pick(story, language, random);
    }

    private static String pick(Map<String, List<String>> byLanguage, String language, Random random) {
        List<String> texts = byLanguage.get(language);
        return texts.get(random.nextInt(texts.size()));
    }
}
