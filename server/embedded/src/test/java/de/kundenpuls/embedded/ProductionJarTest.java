package de.kundenpuls.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import de.kundenpuls.server.IdentityMode;
import org.junit.jupiter.api.Test;

/**
 * What ships as {@code kundenpuls-server.jar}: the production server, with none of the embedded
 * default's stand-ins, dev sign-in, demo data or Bouncy Castle (only the dev certificate needs it).
 * Reads the jar the build packaged before these tests run ({@code ./mvnw verify}).
 */
class ProductionJarTest {

    @Test
    void theProductionJarHoldsNoStandInNoDevSignInNoDemoAndNoBouncyCastle() throws IOException {
        try (JarFile jar = new JarFile(productionJar().toFile())) {
            List<String> entries = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(entries).as("the server's own classes are there").contains(
                    "de/kundenpuls/server/KundenpulsServer.class", "de/kundenpuls/server/IdentityMode.class", "application.yaml");
            assertThat(entries).as("nothing of the embedded build")
                    .noneMatch(e -> e.startsWith("de/kundenpuls/embedded/"))
                    .noneMatch(e -> e.contains("StandIn") || e.contains("DevToken") || e.contains("Demo"))
                    .noneMatch(e -> e.startsWith("org/bouncycastle/"))
                    .doesNotContain("application-embedded.yaml", "demo-catalog.csv");
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("de.kundenpuls.server.Main");
            assertThat(manifest.getMainAttributes().getValue("Class-Path")).as("the libraries it runs with")
                    .contains("libs/firebase-admin-").doesNotContain("bcprov", "bcpkix", "kundenpuls-server-embedded");
        }
    }

    @Test
    void theEmbeddedBuildHoldsWhatTheProductionJarLacks() throws IOException {
        // The other side of the same split: the stand-ins are here, so the test above can fail.
        assertThat(DemoCatalogSeed.class.getResource("/demo-catalog.csv")).isNotNull();
        assertThat(DemoCatalogSeed.class.getResource("/application-embedded.yaml")).isNotNull();
        assertThat(GoogleStandIn.class.getProtectionDomain().getCodeSource().getLocation())
                .isNotEqualTo(IdentityMode.class.getProtectionDomain().getCodeSource().getLocation());
        assertThat(org.bouncycastle.cert.X509CertificateHolder.class).isNotNull();
    }

    /** The packaged server jar: where the class path has it, or next to its classes in the reactor. */
    private static Path productionJar() {
        try {
            Path location = Path.of(IdentityMode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = Files.isDirectory(location) ? location.resolveSibling("kundenpuls-server.jar") : location;
            assertThat(jar).as("the packaged server (./mvnw verify packages it before these tests)").isRegularFile();
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
