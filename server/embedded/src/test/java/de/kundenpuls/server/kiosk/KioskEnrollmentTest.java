package de.kundenpuls.server.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.Problem;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.kiosk.KioskEnrollment;
import de.kundenpuls.model.kiosk.KioskIdentity;
import de.kundenpuls.model.kiosk.KioskView;
import de.kundenpuls.server.TestServer;
import de.kundenpuls.server.feedback.Items;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kiosks are enrolled, not self-declared: an admin or the store's staff enrolls one and gets a
 * one-time code (text and QR code); the tablet exchanges it once for its own identity, which
 * answers for its store and touchpoint only and reads no cases; admins list and revoke kiosks,
 * and a revoked kiosk is out at its next request. Real server, real HTTP, real storage.
 */
class KioskEnrollmentTest {

    private static final String STORE = "berlin-mitte";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true"), clock);
    private KundenpulsClient admin;

    @BeforeEach
    void start() {
        admin = server.as("admin");
    }

    @Test
    void aCodeShownAsTextAndQrCodeIsExchangedOnceForTheKiosksOwnIdentity() throws Exception {
        KioskEnrollment enrolled = admin.kiosks().enroll(STORE, "checkout", "Kasse 2");
        assertThat(enrolled.code()).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
        assertThat(decodeQr(enrolled.qrSvg())).isEqualTo(enrolled.code());
        assertThat(enrolled.kiosk().state()).isEqualTo("pending");
        assertThat(enrolled.codeExpiresAt()).isEqualTo(now.get().plus(Duration.ofMinutes(60)));

        // Typed the way people type: lower case, without the dash.
        KioskIdentity identity = server.client().kiosks().exchange(enrolled.code().toLowerCase().replace("-", ""));
        assertThat(identity.kioskId()).isEqualTo(enrolled.kiosk().id());
        assertThat(identity.uid()).isEqualTo("kiosk-" + enrolled.kiosk().id());
        assertThat(identity.storeId()).isEqualTo(STORE);
        assertThat(identity.touchpoint()).isEqualTo("checkout");
        assertThat(identity.customToken()).as("the embedded default's dev sign-in issues kiosk tokens").isNull();

        ApiException again = catchThrowableOfType(ApiException.class, () -> server.client().kiosks().exchange(enrolled.code()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.problem().field()).isEqualTo("code");

        assertThat(admin.kiosks().list(null)).singleElement().satisfies(k -> {
            assertThat(k.state()).isEqualTo("enrolled");
            assertThat(k.label()).isEqualTo("Kasse 2");
            assertThat(k.enrolledAt()).isEqualTo(now.get());
        });
        assertThat(admin.admin().audit(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("kiosk.enroll");
            assertThat(e.subject()).isEqualTo(enrolled.kiosk().id());
        });
    }

    @Test
    void aKioskAnswersForItsStoreAndTouchpointOnlyAndReadsNoCases() {
        KundenpulsClient kiosk = server.kiosk(STORE, "checkout");
        Instant at = Instant.now().minusSeconds(60);
        List<BatchResult.ItemResult> results = kiosk.feedback().send(List.of(
                Items.full(STORE, "checkout", at, 5, null, null, Map.of(), null, null, null),
                Items.full(STORE, "service-desk", at.plusSeconds(5), 5, null, null, Map.of(), null, null, null),
                Items.full("hamburg-altona", "checkout", at.plusSeconds(10), 5, null, null, Map.of(), null, null, null))).results();
        assertThat(results.get(0).status()).isEqualTo(BatchResult.Status.ACCEPTED);
        assertThat(results.get(1).status()).isEqualTo(BatchResult.Status.REJECTED);
        assertThat(results.get(1).problem().field()).isEqualTo("items[1].touchpoint");
        assertThat(results.get(2).status()).isEqualTo(BatchResult.Status.REJECTED);
        assertThat(results.get(2).problem().field()).isEqualTo("items[2].storeId");

        for (String path : List.of("/api/cases", "/api/analytics/scores?storeId=" + STORE, "/api/kiosks", "/api/me")) {
            ApiException refused = catchThrowableOfType(ApiException.class, () -> kiosk.get(path, JsonNode.class));
            assertThat(refused.status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void staffEnrollForTheirOwnStoreAndSeeOnlyItsKiosksWhileOnlyAdminsRevoke() {
        KundenpulsClient berlin = server.staff(STORE);
        KundenpulsClient hamburg = server.staff("hamburg-altona");
        KioskEnrollment ours = berlin.kiosks().enroll(STORE, "checkout", "Kasse 1");
        hamburg.kiosks().enroll("hamburg-altona", "checkout", "Kasse 1");

        ApiException foreign = catchThrowableOfType(ApiException.class, () -> hamburg.kiosks().enroll(STORE, "checkout", "X"));
        assertThat(foreign.status()).isEqualTo(403);
        ApiException marketer = catchThrowableOfType(ApiException.class,
                () -> server.as("marketer").kiosks().enroll(STORE, "checkout", "X"));
        assertThat(marketer.status()).isEqualTo(403);
        ApiException unknownTouchpoint = catchThrowableOfType(ApiException.class,
                () -> admin.kiosks().enroll(STORE, "parking-lot", "X"));
        assertThat(unknownTouchpoint.status()).isEqualTo(400);
        assertThat(unknownTouchpoint.problem().field()).isEqualTo("touchpoint");

        assertThat(berlin.kiosks().list(null)).extracting(KioskView::id).containsExactly(ours.kiosk().id());
        assertThat(berlin.kiosks().list("hamburg-altona")).as("staff see their own store whatever they ask")
                .extracting(KioskView::storeId).containsOnly(STORE);
        assertThat(admin.kiosks().list(null)).hasSize(2);

        ApiException staffRevoke = catchThrowableOfType(ApiException.class, () -> berlin.kiosks().revoke(ours.kiosk().id()));
        assertThat(staffRevoke.status()).isEqualTo(403);
    }

    @Test
    void aRevokedKioskIsOutAtItsNextRequestAndGetsNoNewTokens() {
        KioskEnrollment enrolled = admin.kiosks().enroll(STORE, "checkout", "Kasse 3");
        KioskIdentity identity = server.client().kiosks().exchange(enrolled.code());
        KundenpulsClient kiosk = server.client().withToken(server.client().dev().token("kiosk", null, identity.uid()).token());
        kiosk.kiosks().reportContact("1.0.0", 0);

        assertThat(admin.kiosks().revoke(identity.kioskId()).state()).isEqualTo("revoked");

        ApiException out = catchThrowableOfType(ApiException.class, () -> kiosk.kiosks().reportContact("1.0.0", 0));
        assertThat(out.status()).isEqualTo(401);
        assertThat(out.problem().type()).isEqualTo(Problem.TYPE_KIOSK_REVOKED);
        assertThat(out.problem().instance()).as("the full request path").isEqualTo("/api/kiosks/me/contact");
        ApiException noToken = catchThrowableOfType(ApiException.class,
                () -> server.client().dev().token("kiosk", null, identity.uid()));
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.problem().field()).isEqualTo("uid");
        assertThat(admin.admin().audit(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("kiosk.revoke");
            assertThat(e.subject()).isEqualTo(identity.kioskId());
        });

        // Revoked stays revoked across a restart.
        server.restart();
        assertThat(server.as("admin").kiosks().list(STORE)).singleElement().extracting(KioskView::state).isEqualTo("revoked");
        ApiException stillOut = catchThrowableOfType(ApiException.class, () -> server.client()
                .withToken(kiosk.token().orElseThrow()).kiosks().reportContact("1.0.0", 0));
        assertThat(stillOut.status()).isEqualTo(401);
    }

    @Test
    void theFleetViewShowsEachKiosksLastContactAppVersionAndBacklogAfterARestart() {
        KioskEnrollment enrolled = admin.kiosks().enroll(STORE, "checkout", "Kasse 4");
        KioskIdentity identity = server.client().kiosks().exchange(enrolled.code());
        KundenpulsClient kiosk = server.client().withToken(server.client().dev().token("kiosk", null, identity.uid()).token());
        now.set(now.get().plusSeconds(90));
        kiosk.kiosks().reportContact("2.3.1", 17);

        server.restart();
        assertThat(server.as("admin").kiosks().list(null)).singleElement().satisfies(k -> {
            assertThat(k.state()).isEqualTo("enrolled");
            assertThat(k.lastContactAt()).isEqualTo(now.get());
            assertThat(k.appVersion()).isEqualTo("2.3.1");
            assertThat(k.backlog()).isEqualTo(17);
        });
    }

    @Test
    void aCodeExpiresAndGuessingIsLimitedPerAddress() {
        KioskEnrollment enrolled = admin.kiosks().enroll(STORE, "checkout", "Kasse 5");
        now.set(now.get().plus(Duration.ofMinutes(61)));
        ApiException expired = catchThrowableOfType(ApiException.class, () -> server.client().kiosks().exchange(enrolled.code()));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.problem().detail()).contains("expired");
        assertThat(admin.kiosks().list(null)).singleElement().extracting(KioskView::state).isEqualTo("expired");

        // Ten tries per address (one was the expired code above), then 429 with Retry-After.
        for (int i = 0; i < 9; i++) {
            ApiException wrong = catchThrowableOfType(ApiException.class, () -> server.client().kiosks().exchange("AAAAA-AAAAA"));
            assertThat(wrong.status()).isEqualTo(400);
        }
        var limited = server.client().exchange("POST", "/api/kiosks/enrollments", "{\"code\":\"AAAAA-AAAAA\"}".getBytes(),
                "application/json");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** Draws the SVG's modules into an image and reads it with ZXing's QR reader. */
    private static String decodeQr(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            g.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale, scale);
        }
        g.dispose();
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }
}
