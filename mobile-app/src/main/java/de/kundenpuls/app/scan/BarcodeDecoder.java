package de.kundenpuls.app.scan;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
import com.google.zxing.common.HybridBinarizer;
import de.kundenpuls.model.Gtin;

/**
 * Reads EAN-13, EAN-8 and UPC-A from real phone photos with ZXing.
 *
 * <p>Photos are blurred, angled, curved, noisy and badly lit, so one attempt is not enough: the
 * decoder tries a short list of strategies, cheapest first. Each earned its place on the generated
 * photo set ({@code BarcodeDecoderTest}, {@code bench/scanner}): the plain hybrid binarizer reads
 * clean and mildly blurred frames; the {@link BarAligner} turns the bars upright, averages away
 * noise along them and crops to the code, which reads noisy, tilted and sideways frames, and with
 * sharpening across the bars, blurred ones; a second, smaller working size reads codes that
 * are blurred most. (A global histogram binarizer, downscales, contrast stretching and bands of
 * the frame were tried as well; with the aligner they read nothing more on the photo set.)
 */
public final class BarcodeDecoder {

    private static final Map<DecodeHintType, Object> HINTS = hints();

    private final List<Strategy> strategies = List.of(
            new Strategy("hybrid", Frame::original),
            new Strategy("aligned", frame -> frame.aligned(ALIGNED_SIZE)),
            new Strategy("aligned-sharpened", frame -> frame.sharpened(ALIGNED_SIZE, 2, 2)),
            new Strategy("aligned-small-sharpened", frame -> frame.sharpened(SMALL_ALIGNED_SIZE, 1, 1.5)));

    /** The longer side the aligner works at: large enough for a code filling a fifth of the frame. */
    private static final int ALIGNED_SIZE = 900;
    private static final int SMALL_ALIGNED_SIZE = 640;

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
        Map<String, java.util.Set<String>> votes = new java.util.HashMap<>();
        Frame frame = new Frame(image);
        for (Strategy s : strategies) {
            BufferedImage prepared = s.prepare().apply(frame);
            if (prepared == null) {
                continue;
            }
            LuminanceSource source = new BufferedImageLuminanceSource(prepared);
            Binarizer binarizer = new HybridBinarizer(source);
            try {
                Result result = reader.decodeWithState(new BinaryBitmap(binarizer));
                boolean plainRead = prepared == image;
                Optional<String> gtin = normalize(result).filter(code -> plainRead || coversCrop(result, prepared));
                if (gtin.isPresent() && (plainRead || votes.computeIfAbsent(gtin.get(), k -> new java.util.HashSet<>()).add(s.name())
                        && votes.get(gtin.get()).size() >= 2)) {
                    return Optional.of(new Decoded(gtin.get(), s.name()));
                }
            } catch (NotFoundException e) {
                // Next strategy.
            } catch (ReaderException e) {
                // Checksum or format trouble: next strategy.
            } finally {
                reader.reset();
            }
        }
        return Optional.empty();
    }

    /**
     * The aligner crops to the code with a small margin, so a real read spans most of the crop. An
     * EAN-8 read across part of it is the inner half of an EAN-13 (measured once in 160 HARD frames,
     * confirmed by two strategies): it is dropped.
     */
    private static boolean coversCrop(Result result, BufferedImage crop) {
        if (result.getBarcodeFormat() != BarcodeFormat.EAN_8) {
            return true;
        }
        var points = result.getResultPoints();
        if (points == null || points.length < 2) {
            return false;
        }
        double span = Math.hypot(points[points.length - 1].getX() - points[0].getX(), points[points.length - 1].getY() - points[0].getY());
        return span >= 0.6 * crop.getWidth();
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

    private record Strategy(String name, Function<Frame, BufferedImage> prepare) {
    }

    /** One photo and what the strategies derive from it, each computed once. */
    private static final class Frame {
        private final BufferedImage original;
        private BufferedImage gray;
        private final Map<Integer, Optional<BufferedImage>> aligned = new java.util.HashMap<>();

        Frame(BufferedImage original) {
            this.original = original;
        }

        BufferedImage original() {
            return original;
        }

        BufferedImage gray() {
            if (gray == null) {
                gray = BarcodeDecoder.gray(original);
            }
            return gray;
        }

        /** @return the upright code region at this working size, or null when there is none */
        BufferedImage aligned(int longSide) {
            return aligned.computeIfAbsent(longSide, size -> BarAligner.align(gray(), size)).orElse(null);
        }

        /** @return the code region sharpened across the bars, or null when there is none */
        BufferedImage sharpened(int longSide, double amount, double sigma) {
            BufferedImage code = aligned(longSide);
            return code == null ? null : BarAligner.sharpenAcrossBars(code, amount, sigma);
        }
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
}
