package de.kundenpuls.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.privacy.CustomerMatch;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A privacy request arrives by e-mail: the admin finds the customer by that address, audited. */
class FindByEmailTest {

    @TempDir
    Path dir;

    @Test
    void anAdminFindsACustomerByEmailExactlyAndTheLookupIsAuditedWithoutTheAddress() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient kim = server.as("shopper");
            kim.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel", "email", "Kim.Beispiel@Example.org"), "homeStoreId", "berlin-mitte"));
            KundenpulsClient other = server.as("shopper");
            other.me().patch(Map.of("contact", Map.of("name", "Alex Muster", "email", "alex@example.org")));
            String kimUid = kim.me().get().uid();
            KundenpulsClient admin = server.as("admin");

            CustomerMatch found = admin.admin().findByEmail("  kim.beispiel@EXAMPLE.org ");
            assertThat(found).isEqualTo(new CustomerMatch(kimUid, "Kim Beispiel", "Kim.Beispiel@Example.org", "berlin-mitte"));
            assertThat(admin.admin().export(found.uid()).profile().contact().email()).isEqualTo("Kim.Beispiel@Example.org");
            notFound(admin, "kim.beispiel@example.com");
            notFound(admin, "beispiel@example.org");

            // A changed address is found under the new one only.
            kim.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel", "email", "kim@neu.example")));
            notFound(admin, "Kim.Beispiel@Example.org");
            assertThat(admin.admin().findByEmail("kim@neu.example").uid()).isEqualTo(kimUid);
            assertThat(admin.admin().findByEmail("alex@example.org").uid()).isEqualTo(other.me().get().uid());

            // Erased, nobody is found; the audit log names the lookups but never an address.
            admin.admin().erase(kimUid);
            notFound(admin, "kim@neu.example");
            var audit = admin.admin().audit(100);
            assertThat(audit).filteredOn(e -> e.action().equals("profile.lookup")).hasSize(7)
                    .anySatisfy(e -> assertThat(e.subject()).isEqualTo(kimUid))
                    .anySatisfy(e -> assertThat(e.detail()).isEqualTo("nobody found by the e-mail address of a privacy request"));
            // Kim is erased: no entry names her or any of her addresses; Alex, who still exists, is named.
            assertThat(audit).allSatisfy(e -> assertThat(e.toString()).doesNotContainIgnoringCase("kim"));
            assertThat(audit).filteredOn(e -> e.subjectName() != null).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.subjectName()).isEqualTo("Alex Muster <alex@example.org>"));

            assertThatThrownBy(() -> admin.admin().findByEmail("")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.problem().field()).isEqualTo("email");
            });
            assertThatThrownBy(() -> admin.admin().findByEmail("no-at-sign")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.problem().type()).isEqualTo(ProblemCode.NOT_AN_EMAIL.type());
            });
            assertThatThrownBy(() -> server.as("marketer").admin().findByEmail("alex@example.org"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        // The index keys are hashes: the address has no plain copy in the files besides the profile's own.
        try (Stream<Path> files = Files.walk(dir)) {
            long withAlex = files.filter(Files::isRegularFile).filter(f -> contains(f, "alex@example.org")).count();
            assertThat(withAlex).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theAuditLogPagesFiltersNamesWhoStillExistsAndExportsCsv() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient kim = server.as("shopper");
            kim.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel", "email", "kim@example.org")));
            KundenpulsClient alex = server.as("shopper");
            alex.me().patch(Map.of("contact", Map.of("name", "Alex Muster", "email", "alex@example.org")));
            KundenpulsClient admin = server.as("admin");
            for (int i = 0; i < 30; i++) {
                admin.admin().findByEmail(i % 2 == 0 ? "kim@example.org" : "alex@example.org");
            }
            admin.admin().export(kim.me().get().uid());
            admin.admin().erase(alex.me().get().uid());

            var first = admin.admin().audit(20, null, null, null);
            assertThat(first.items()).hasSize(20);
            assertThat(first.items().get(0).action()).isEqualTo("profile.erase");
            var second = admin.admin().audit(20, first.next(), null, null);
            assertThat(second.items()).hasSize(12);
            assertThat(second.next()).isNull();
            assertThat(second.items().get(0).position()).isEqualTo(first.items().get(19).position() - 1);
            // Named while they exist, never once erased.
            assertThat(first.items()).filteredOn(e -> e.subject().equals(kim.me().get().uid()))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.subjectName()).isEqualTo("Kim Beispiel <kim@example.org>"));
            assertThat(first.items()).filteredOn(e -> e.subject().equals("-") || !e.subject().equals(kim.me().get().uid()))
                    .allSatisfy(e -> assertThat(e.subjectName()).isNull());

            var exports = admin.admin().audit(50, null, "profile.export", null);
            assertThat(exports.items()).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(kim.me().get().uid()));
            String adminUid = first.items().get(0).actor();
            assertThat(admin.admin().audit(50, null, null, adminUid).items()).hasSize(32);
            assertThat(admin.admin().audit(50, null, null, "someone-else").items()).isEmpty();

            var csv = admin.exchange("GET", "/api/admin/audit?format=csv&action=profile.lookup", null, null);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.lines().findFirst().orElseThrow()).contains("at", "action", "subject", "subjectName", "actor", "detail");
            assertThat(text.lines().count()).isEqualTo(31);
            assertThat(text).contains("Kim Beispiel <kim@example.org>").doesNotContain("alex@example.org");
        }
    }

    private static void notFound(KundenpulsClient admin, String email) {
        assertThatThrownBy(() -> admin.admin().findByEmail(email)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problem().field()).isEqualTo("email");
            assertThat(e.problem().type()).isEqualTo(ProblemCode.NO_PROFILE_WITH_EMAIL.type());
        });
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
