package de.kundenpuls.app.scan;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import de.kundenpuls.model.Gtin;

/**
 * Reads EAN-13, EAN-8 and UPC-A from real phone photos with ZXing.
 *
 * <p>Photos are blurred, angled, curved and badly lit, so one attempt is not enough: the decoder
 * tries a short list of strategies, cheapest first, and stops at the first result whose GS1 check
 * digit is right. Each strategy earned its place on the generated photo set
 * ({@code BarcodeDecoderTest}): the plain hybrid binarizer reads clean and mildly blurred frames;
 * the global histogram binarizer reads low-contrast and unevenly lit ones; a downscale helps
 * heavy blur and noise (it averages them away); contrast stretching and sharpening rescue soft,
 * dim frames; horizontal bands help curved packaging, where only a band of the code is flat.
 */
public final class BarcodeDecoder {

    private static final Map<DecodeHintType, Object> HINTS = hints();

    private final List<Strategy> strategies = List.of(
            new Strategy("hybrid", "original", image -> image, false),
            new Strategy("global-histogram", "original", image -> image, true),
            new Strategy("downscale-half", "half", image -> scale(image, 0.5), false),
            new Strategy("contrast-sharpen", "contrast", image -> sharpen(stretch(gray(image))), false),
            new Strategy("downscale-half-global", "half", image -> scale(image, 0.5), true),
            new Strategy("center-band", "center-band", image -> band(image, 0.3, 0.4), false),
            new Strategy("upper-band", "upper-band", image -> band(image, 0.1, 0.4), true),
            new Strategy("lower-band", "lower-band", image -> band(image, 0.5, 0.4), true),
            new Strategy("downscale-third", "third", image -> scale(image, 0.35), false));

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        // UPC-E is left out on purpose: its short code with zero-compression matched noise on the
        // degraded photo set far more often than it matched a real code.
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return hints;
    }

    /**
     * Decodes a GTIN from an image.
     *
     * @param image the photo
     * @return the GTIN digits (EAN-13, EAN-8 or UPC-A), or empty when none was found
     */
    public Optional<String> decode(BufferedImage image) {
        return decodeWithStrategy(image).map(Decoded::gtin);
    }

    /**
     * Decodes and tells which strategy succeeded (for measurements).
     *
     * @param image the photo
     * @return the GTIN and the strategy, or empty
     */
    public Optional<Decoded> decodeWithStrategy(BufferedImage image) {
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(HINTS);
        // The plain read of the original frame is trusted; a code found only after preprocessing must
        // be read the same way by a second strategy, because check digits alone let a few noisy
        // misreads through (measured on the HARD level of the photo set).
        // Votes count distinct preprocessed images: two binarizers on the same image err together.
        Map<String, java.util.Set<String>> votes = new java.util.HashMap<>();
        boolean first = true;
        for (Strategy s : strategies) {
            BufferedImage prepared = s.prepare().apply(image);
            if (prepared == null) {
                continue;
            }
            LuminanceSource source = new BufferedImageLuminanceSource(prepared);
            Binarizer binarizer = s.global() ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source);
            try {
                Result result = reader.decodeWithState(new BinaryBitmap(binarizer));
                Optional<String> gtin = normalize(result);
                if (gtin.isPresent() && (first || votes.computeIfAbsent(gtin.get(), k -> new java.util.HashSet<>()).add(s.family())
                        && votes.get(gtin.get()).size() >= 2)) {
                    return Optional.of(new Decoded(gtin.get(), s.name()));
                }
            } catch (NotFoundException e) {
                // Next strategy.
            } catch (ReaderException e) {
                // Checksum or format trouble: next strategy.
            } finally {
                reader.reset();
                first = false;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> normalize(Result result) {
        String text = result.getText();
        // Never report a code whose check digit is wrong: better "not found" than a wrong product.
        return Gtin.isValid(text) ? Optional.of(text) : Optional.empty();
    }

    /**
     * A decoded code.
     *
     * @param gtin     the digits
     * @param strategy which strategy read it
     */
    public record Decoded(String gtin, String strategy) {
    }

    private record Strategy(String name, String family, UnaryOperator<BufferedImage> prepare, boolean global) {
    }

    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = g.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return g;
    }

    private static BufferedImage scale(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        if (w < 60 || h < 30 || w > 4000 || h > 4000) {
            return null;
        }
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return scaled;
    }

    /** Stretches the gray levels between the 2nd and 98th percentile to the full range. */
    private static BufferedImage stretch(BufferedImage gray) {
        int[] histogram = new int[256];
        var raster = gray.getRaster();
        int w = gray.getWidth();
        int h = gray.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                histogram[v]++;
            }
        }
        long total = (long) w * h;
        int low = 0;
        int high = 255;
        long acc = 0;
        while (low < 255 && (acc += histogram[low]) < total * 0.02) {
            low++;
        }
        acc = 0;
        while (high > 0 && (acc += histogram[high]) < total * 0.02) {
            high--;
        }
        if (high <= low) {
            return gray;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var target = out.getRaster();
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = Math.max(0, Math.min(255, (row[x] - low) * 255 / (high - low)));
            }
            target.setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    private static BufferedImage sharpen(BufferedImage gray) {
        float[] kernel = {0, -1, 0, -1, 5, -1, 0, -1, 0};
        return new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(gray, null);
    }

    private static BufferedImage band(BufferedImage image, double top, double height) {
        int y = (int) (image.getHeight() * top);
        int h = (int) (image.getHeight() * height);
        if (h < 20) {
            return null;
        }
        return image.getSubimage(0, y, image.getWidth(), h);
    }
}
