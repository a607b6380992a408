package de.kundenpuls.server.api;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * German wording of the validation details that people see in the console and the app.
 *
 * <p>The server words its problems in English (they are part of the API, and the tests and
 * integrations read them). A browser or app asking for German ({@code Accept-Language: de…}) gets
 * the details of this list in German; the field names stay as they are, because the console turns
 * those into words itself. A detail without a German wording here stays English.
 */
public final class GermanDetails {

    private record Rule(Pattern english, String german) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required", "ist erforderlich"),
            rule("is required with (\\S+)", "ist zusammen mit $1 erforderlich"),
            rule("is required for staff", "ist für Marktmitarbeiter erforderlich"),
            rule("is only for staff", "gilt nur für Marktmitarbeiter"),
            rule("[Uu]nknown store '([^']*)'", "unbekannter Markt '$1'"),
            rule("[Uu]nknown category '([^']*)'(; known are .*)?", "unbekannte Warengruppe '$1'"),
            rule("[Uu]nknown touchpoint '([^']*)'", "unbekannter Touchpoint '$1'"),
            rule("No store with id '([^']*)'", "Kein Markt mit der ID '$1'"),
            rule("No profile with id '([^']*)'", "Kein Kundenprofil mit der ID '$1'"),
            rule("No survey with id '([^']*)'", "Keine Umfrage mit der ID '$1'"),
            rule("No offer with id '([^']*)'", "Kein Angebot mit der ID '$1'"),
            rule("No campaign with id '([^']*)'", "Keine Kampagne mit der ID '$1'"),
            rule("[Nn]o product with GTIN (\\S+)", "Kein Produkt mit der GTIN $1"),
            rule("Profile was erased", "Das Profil wurde gelöscht"),
            rule("has a wrong check digit \\(expected (\\d)\\)", "hat eine falsche Prüfziffer (richtig wäre $1)"),
            rule("must contain digits only", "darf nur Ziffern enthalten"),
            rule("must have 8 \\(EAN-8\\), 12 \\(UPC-A\\) or 13 \\(EAN-13\\) digits, had (\\d+) characters",
                    "muss 8 (EAN-8), 12 (UPC-A) oder 13 (EAN-13) Ziffern haben, hat $1 Zeichen"),
            rule("is not a number", "ist keine Zahl"),
            rule("must not be negative", "darf nicht negativ sein"),
            rule("must have at most two decimals", "darf höchstens zwei Nachkommastellen haben"),
            rule("must be a whole number", "muss eine ganze Zahl sein"),
            rule("quantity for (\\S+) must not be negative", "die Menge für $1 darf nicht negativ sein"),
            rule("quantity for (\\S+) is not a whole number", "die Menge für $1 ist keine ganze Zahl"),
            rule("has (\\d+) fields, the header has (\\d+)", "hat $1 Felder, die Kopfzeile hat $2"),
            rule("must be between (-?\\d+) and (-?\\d+)", "muss zwischen $1 und $2 liegen"),
            rule("must be at least (\\d+)", "muss mindestens $1 sein"),
            rule("must be after (\\w+)", "muss nach $1 liegen"),
            rule("must not be after '(\\w+)'", "darf nicht nach '$1' liegen"),
            rule("must be an IANA time zone such as Europe/Berlin", "muss eine IANA-Zeitzone sein, z. B. Europe/Berlin"),
            rule("must be an ISO 4217 code such as EUR", "muss ein ISO-4217-Code sein, z. B. EUR"),
            rule("is not a valid e-mail address", "ist keine gültige E-Mail-Adresse"),
            rule("may contain letters, digits, '-' and '_' only", "darf nur Buchstaben, Ziffern, '-' und '_' enthalten"),
            rule("must be 2–63 lower-case letters, digits or dashes", "muss aus 2–63 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen"),
            rule("a store needs at least one touchpoint", "ein Markt braucht mindestens einen Touchpoint"),
            rule("the shares must add up to 100", "die Anteile müssen zusammen 100 ergeben"),
            rule("give every variant a share, or none", "entweder bekommt jede Variante einen Anteil oder keine"),
            rule("at least one variant is required", "mindestens eine Variante ist nötig"),
            rule("an offer is for either one product \\(gtin\\) or one category",
                    "ein Angebot gilt entweder für ein Produkt (GTIN) oder für eine Warengruppe"),
            rule("a survey needs at least one question", "eine Umfrage braucht mindestens eine Frage"),
            rule("needs at least one value", "braucht mindestens einen Wert"),
            rule("The header row lacks the required column '([^']*)'", "Der Kopfzeile fehlt die Pflichtspalte '$1'"),
            rule("Unknown column '([^']*)'; the columns are (.*)", "Unbekannte Spalte '$1'; möglich sind $2"),
            rule("The CSV is malformed near line (\\d+).*", "Die CSV-Datei ist um Zeile $1 fehlerhaft"),
            rule("The request body is empty.*", "Die Anfrage ist leer"),
            rule("The request body is larger than the server accepts", "Die Anfrage ist größer, als der Server annimmt"),
            rule("The change was not saved; try again later", "Die Änderung wurde nicht gespeichert; bitte später noch einmal versuchen"),
            rule("The server failed to process the request.*", "Der Server konnte die Anfrage nicht bearbeiten"),
            // Kiosks.
            rule("This code is not valid or was used already", "Dieser Code ist ungültig oder wurde schon verwendet"),
            rule("This code has expired; enroll the kiosk again in the console",
                    "Dieser Code ist abgelaufen; bitte den Kiosk in der Konsole neu anmelden"),
            rule("This kiosk was revoked or never enrolled; enroll it again",
                    "Dieser Kiosk wurde gesperrt oder nie angemeldet; bitte neu anmelden"),
            rule("Too many enrollment attempts from this address; try again in (\\d+) s",
                    "Zu viele Anmeldeversuche von dieser Adresse; bitte in $1 s erneut versuchen"),
            rule("No kiosk with id '([^']*)'", "Kein Kiosk mit der ID '$1'"),
            rule("a kiosk at touchpoint (\\S+) cannot capture answers for touchpoint (\\S+)",
                    "ein Kiosk am Touchpoint $1 kann keine Antworten für den Touchpoint $2 erfassen"),
            rule("a kiosk of store (\\S+) cannot capture answers for store (\\S+)",
                    "ein Kiosk des Markts $1 kann keine Antworten für den Markt $2 erfassen"),
            // Audit log details.
            rule("imported: (\\d+), rejected rows: (\\d+)", "importiert: $1, abgelehnte Zeilen: $2"),
            rule("profile and personal data erased on request", "Profil und persönliche Daten auf Wunsch gelöscht"),
            rule("no profile; linked data erased", "kein Profil; verknüpfte Daten gelöscht"),
            rule("exported on request", "auf Wunsch exportiert"));

    private static final Pattern QUOTED_VALUE_FIRST = Pattern.compile("('[^']*' )(.+)");
    private static final Pattern NOT_FOR_ROLE = Pattern.compile("This action is not open to the role '([^']*)'");
    /** Roles by the names people use, not by their claim ids. */
    private static final java.util.Map<String, String> ROLE_NAMES = java.util.Map.of("shopper", "Kundinnen und Kunden",
            "staff", "Marktmitarbeitende", "marketer", "das Marketing", "admin", "die Administration", "kiosk", "Feedback-Kioske");

    private GermanDetails() {
    }

    private static Rule rule(String english, String german) {
        return new Rule(Pattern.compile(english), german);
    }

    /**
     * @param english a detail as the server words it
     * @return its German wording, or the English one when there is none
     */
    public static String of(String english) {
        if (english == null) {
            return null;
        }
        Matcher role = NOT_FOR_ROLE.matcher(english);
        if (role.matches()) {
            return "Diese Aktion ist für " + ROLE_NAMES.getOrDefault(role.group(1), "diese Rolle") + " nicht freigegeben";
        }
        // "'4006…' has a wrong check digit …": the value in front stays, the rest is worded.
        Matcher quoted = QUOTED_VALUE_FIRST.matcher(english);
        if (quoted.matches()) {
            String rest = of(quoted.group(2));
            return rest.equals(quoted.group(2)) ? english : quoted.group(1) + rest;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(rule.german());
            }
        }
        return english;
    }

    /**
     * @param req the request
     * @return whether its first choice of language is German
     */
    public static boolean wanted(ServerRequest req) {
        return Languages.accepted(req).map("de"::equals).orElse(false);
    }

    /**
     * @param req    the request
     * @param detail a detail as the server words it
     * @return the detail in the language the request asks for (German or English)
     */
    public static String forRequest(ServerRequest req, String detail) {
        return wanted(req) ? of(detail) : detail;
    }
}
