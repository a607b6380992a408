package de.kundenpuls.embedded;

import java.util.Map;

/**
 * The e-mail accounts of the embedded default, one per console role, for the sign-in through the
 * local Firebase Authentication stand-in. Their password is public on purpose: they exist only on
 * a developer's machine, like the demo catalog.
 */
final class DemoAccounts {

    /** The password of every demo account (see README). */
    static final String PASSWORD = "kundenpuls-demo";

    private DemoAccounts() {
    }

    static void addTo(GoogleStandIn standIn) {
        standIn.addAccount("demo-admin", "admin@demo.kundenpuls.de", PASSWORD, Map.of("role", "admin"));
        standIn.addAccount("demo-marketing", "marketing@demo.kundenpuls.de", PASSWORD, Map.of("role", "marketer"));
        standIn.addAccount("demo-staff-berlin", "berlin-mitte@demo.kundenpuls.de", PASSWORD,
                Map.of("role", "staff", "store", "berlin-mitte"));
        standIn.addAccount("demo-staff-hamburg", "hamburg-altona@demo.kundenpuls.de", PASSWORD,
                Map.of("role", "staff", "store", "hamburg-altona"));
    }
}
