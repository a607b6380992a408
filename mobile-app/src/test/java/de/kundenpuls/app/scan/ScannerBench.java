package de.kundenpuls.app.scan;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decode rate per severity level and decode time per frame (1280×960 and 640×480) on the
 * generated photo set. Run by {@code bench/scanner/scanner.sh}.
 */
public final class ScannerBench {

    private ScannerBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args [photos per level] [seed]
     */
    public static void main(String[] args) {
        int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        List<PhotoSet.Photo> photos = PhotoSet.generate(perLevel, seed);
        BarcodeDecoder decoder = new BarcodeDecoder();
        // Warm-up: the JIT must see the decoder before anything is timed.
        for (int i = 0; i < 3; i++) {
            photos.forEach(p -> decoder.decode(p.image()));
        }
        Map<PhotoSet.Level, int[]> rates = new EnumMap<>(PhotoSet.Level.class);
        Map<PhotoSet.Level, List<Long>> times = new EnumMap<>(PhotoSet.Level.class);
        Map<PhotoSet.Level, List<Long>> smallTimes = new EnumMap<>(PhotoSet.Level.class);
        Map<String, Integer> strategies = new TreeMap<>();
        for (PhotoSet.Photo p : photos) {
            int[] n = rates.computeIfAbsent(p.level(), l -> new int[3]);
            n[0]++;
            long t0 = System.nanoTime();
            var result = decoder.decodeWithStrategy(p.image());
            times.computeIfAbsent(p.level(), l -> new ArrayList<>()).add(System.nanoTime() - t0);
            BufferedImage small = half(p.image());
            long t1 = System.nanoTime();
            decoder.decode(small);
            smallTimes.computeIfAbsent(p.level(), l -> new ArrayList<>()).add(System.nanoTime() - t1);
            if (result.isPresent()) {
                if (result.get().gtin().equals(p.gtin())) {
                    n[1]++;
                    strategies.merge(result.get().strategy(), 1, Integer::sum);
                } else {
                    n[2]++;
                }
            }
        }
        for (PhotoSet.Level level : PhotoSet.Level.values()) {
            int[] n = rates.get(level);
            System.out.printf("BENCH level=%s decoded=%d/%d rate=%.0f%% wrong=%d 1280x960_median_ms=%.1f 1280x960_p95_ms=%.1f "
                            + "640x480_median_ms=%.1f 640x480_p95_ms=%.1f%n", level, n[1], n[0], 100.0 * n[1] / n[0], n[2],
                    pct(times.get(level), 50), pct(times.get(level), 95), pct(smallTimes.get(level), 50), pct(smallTimes.get(level), 95));
        }
        System.out.println("BENCH strategies " + strategies);
    }

    private static double pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static BufferedImage half(BufferedImage image) {
        BufferedImage small = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        return small;
    }
}
