package de.kundenpuls.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import de.kundenpuls.app.Launcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoder on generated phone-like photos, and the headless {@code --scan} command. */
class BarcodeDecoderTest {

    private static List<PhotoSet.Photo> photos;
    private static final double RATE_TURNED = 0.9;
    private final BarcodeDecoder decoder = new BarcodeDecoder();

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        photos = PhotoSet.generate(12, 20261123L);
    }

    @Test
    void readsCleanEan13Ean8AndUpcAExactly() {
        for (String gtin : List.of("4013456000018", "96385074", "036000291452")) {
            BufferedImage photo = PhotoSet.photo(gtin, PhotoSet.Level.CLEAN, new Random(1));
            assertThat(decoder.decode(photo)).as(gtin).hasValue(gtin);
        }
    }

    @Test
    void findsNothingWhereThereIsNoBarcode() {
        BufferedImage empty = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = empty.createGraphics();
        g.setColor(new Color(200, 120, 80));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.drawString("Kundenpuls", 100, 100);
        g.dispose();
        assertThat(decoder.decode(empty)).isEmpty();
    }

    /**
     * Floors a little below the rates measured on this set (CLEAN, MILD and MEDIUM 12/12, HARD 10/12;
     * docs/benchmarks.md has the larger sets), so that a regression fails; and never a wrong code.
     */
    @Test
    void decodesDegradedPhotosAndNeverReportsAWrongCode() {
        Map<PhotoSet.Level, int[]> rates = new EnumMap<>(PhotoSet.Level.class);
        for (PhotoSet.Photo p : photos) {
            int[] n = rates.computeIfAbsent(p.level(), l -> new int[2]);
            n[0]++;
            var result = decoder.decode(p.image());
            if (result.isPresent()) {
                assertThat(result.get()).as("decoded a different code than printed (%s)", p.level()).isEqualTo(p.gtin());
                n[1]++;
            }
        }
        assertThat(rate(rates, PhotoSet.Level.CLEAN)).isGreaterThanOrEqualTo(0.95);
        assertThat(rate(rates, PhotoSet.Level.MILD)).isGreaterThanOrEqualTo(0.8);
        assertThat(rate(rates, PhotoSet.Level.MEDIUM)).isGreaterThanOrEqualTo(0.9);
        assertThat(rate(rates, PhotoSet.Level.HARD)).isGreaterThanOrEqualTo(0.6);
    }

    /**
     * Photos taken sideways or at a steep angle: the aligner turns the bars upright first (measured
     * 36/36 on the MEDIUM photos of this set turned by 90°, 35° and −60°).
     */
    @Test
    void readsNoisyCodesPhotographedSidewaysOrAtASteepAngle() {
        List<PhotoSet.Photo> medium = photos.stream().filter(p -> p.level() == PhotoSet.Level.MEDIUM).toList();
        int read = 0;
        int total = 0;
        for (double degrees : new double[] {90, 35, -60}) {
            for (PhotoSet.Photo p : medium) {
                total++;
                var result = decoder.decode(turned(p.image(), degrees));
                if (result.isPresent()) {
                    assertThat(result.get()).as("turned by %s°", degrees).isEqualTo(p.gtin());
                    read++;
                }
            }
        }
        assertThat((double) read / total).as("%d of %d read", read, total).isGreaterThanOrEqualTo(RATE_TURNED);
    }

    private static BufferedImage turned(BufferedImage image, double degrees) {
        double radians = Math.toRadians(degrees);
        int w = image.getWidth();
        int h = image.getHeight();
        int nw = (int) Math.ceil(w * Math.abs(Math.cos(radians)) + h * Math.abs(Math.sin(radians)));
        int nh = (int) Math.ceil(w * Math.abs(Math.sin(radians)) + h * Math.abs(Math.cos(radians)));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, nw, nh);
        g.translate((nw - w) / 2.0, (nh - h) / 2.0);
        g.rotate(radians, w / 2.0, h / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static double rate(Map<PhotoSet.Level, int[]> rates, PhotoSet.Level level) {
        int[] n = rates.get(level);
        return (double) n[1] / n[0];
    }

    @Test
    void scanCommandPrintsOneLinePerFileAndWhyAFileCouldNotBeRead() throws Exception {
        Path good = dir.resolve("milk.jpg");
        ImageIO.write(PhotoSet.photo("4013456000018", PhotoSet.Level.MILD, new Random(7)), "jpg", good.toFile());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path text = Files.writeString(dir.resolve("notes.txt"), "no image");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScanCommand.run(new String[] {good.toString(), blank.toString(), text.toString(),
                dir.resolve("missing.jpg").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                good + "\t4013456000018", blank + "\t-", text + "\t-", dir.resolve("missing.jpg") + "\t-");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                text + ": not an image", dir.resolve("missing.jpg") + ": not found");
        assertThat(status).isEqualTo(ScanCommand.UNREADABLE);

        // A blank image is read fine: no code in it is an answer, not an error.
        assertThat(ScanCommand.run(new String[] {good.toString(), blank.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(ScanCommand.OK);
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        assertThat(ScanCommand.run(new String[0], new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage, true,
                StandardCharsets.UTF_8))).isEqualTo(ScanCommand.USAGE);
        assertThat(usage.toString(StandardCharsets.UTF_8)).startsWith("--scan needs at least one image file").contains("Usage:");
        assertThat(ScanCommand.run(new String[] {"--fast", good.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(ScanCommand.USAGE);
    }

    @Test
    void launcherScansWithoutStartingJavaFx() throws Exception {
        Path good = dir.resolve("code.png");
        ImageIO.write(PhotoSet.photo("96385074", PhotoSet.Level.CLEAN, new Random(3)), "png", good.toFile());
        // A separate JVM without any display: starting the JavaFX toolkit would fail there.
        var scanned = launch("--scan", good.toString());
        assertThat(scanned.status()).as(scanned.output()).isZero();
        assertThat(scanned.output()).isEqualTo(good + "\t96385074");
    }

    @Test
    void launcherHasHelpAndExitsTwoOnWrongUse() throws Exception {
        var help = launch("--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).startsWith("Usage: java -jar kundenpuls-app.jar").contains("--scan FILE...");
        var noFiles = launch("--scan");
        assertThat(noFiles.status()).isEqualTo(2);
        assertThat(noFiles.output()).startsWith("--scan needs at least one image file");
        var missing = launch("--scan", dir.resolve("gone.jpg").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.output().lines().toList()).containsExactlyInAnyOrder(dir.resolve("gone.jpg") + ": not found",
                dir.resolve("gone.jpg") + "\t-");
    }

    private record Launched(int status, String output) {
    }

    /** The launcher in a JVM of its own without a display, stdout and stderr together. */
    private static Launched launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Launched(process.exitValue(), output);
    }
}
