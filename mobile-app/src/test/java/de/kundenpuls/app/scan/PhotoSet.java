package de.kundenpuls.app.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import de.kundenpuls.model.Gtin;

/**
 * A reproducible set of phone-photo-like barcode images: codes rendered with ZXing onto a label on
 * a packaging-coloured background, then degraded as phone photos are — perspective (angled shot),
 * cylindrical curvature (cans, bottles), blur, uneven light and low contrast, sensor noise,
 * rotation, small scale and JPEG compression — at increasing severity.
 */
public final class PhotoSet {

    /** How hard a photo is. */
    public enum Level { CLEAN, MILD, MEDIUM, HARD }

    /**
     * One generated photo.
     *
     * @param gtin  the code rendered on it
     * @param level its severity
     * @param image the photo
     */
    public record Photo(String gtin, Level level, BufferedImage image) {
    }

    private PhotoSet() {
    }

    /**
     * Generates photos.
     *
     * @param perLevel photos per level
     * @param seed     the random seed
     * @return the photos
     */
    public static List<Photo> generate(int perLevel, long seed) {
        Random random = new Random(seed);
        List<Photo> photos = new ArrayList<>();
        for (Level level : Level.values()) {
            for (int i = 0; i < perLevel; i++) {
                String gtin = randomGtin(random, i);
                photos.add(new Photo(gtin, level, photo(gtin, level, random)));
            }
        }
        return photos;
    }

    static String randomGtin(Random random, int i) {
        StringBuilder digits = new StringBuilder();
        switch (i % 5) {
            case 0 -> {
                digits.append('4');
                for (int k = 0; k < 6; k++) {
                    digits.append(random.nextInt(10));
                }
            }
            case 1 -> {
                digits.append('0');
                for (int k = 0; k < 10; k++) {
                    digits.append(random.nextInt(10));
                }
            }
            default -> {
                digits.append("40");
                for (int k = 0; k < 10; k++) {
                    digits.append(random.nextInt(10));
                }
            }
        }
        return Gtin.withCheckDigit(digits.toString()).value();
    }

    private static BufferedImage render(String gtin, int moduleWidth) {
        BarcodeFormat format = switch (gtin.length()) {
            case 8 -> BarcodeFormat.EAN_8;
            case 12 -> BarcodeFormat.UPC_A;
            default -> BarcodeFormat.EAN_13;
        };
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 10);
            int modules = gtin.length() == 8 ? 67 + 20 : 95 + 20;
            BitMatrix matrix = new MultiFormatWriter().encode(gtin, format, modules * moduleWidth, moduleWidth * 40, hints);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage photo(String gtin, Level level, Random r) {
        int severity = level.ordinal();
        BufferedImage code = render(gtin, 3);
        int w = 1280;
        int h = 960;
        BufferedImage scene = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scene.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(120 + r.nextInt(100), 60 + r.nextInt(120), 40 + r.nextInt(120)));
        g.fillRect(0, 0, w, h);
        // The code covers less of the frame the harder the level: the phone was further away.
        double scale = (1.9 - severity * 0.2) * (0.9 + r.nextDouble() * 0.2);
        int cw = (int) (code.getWidth() * scale);
        int ch = (int) (code.getHeight() * scale);
        int x = (w - cw) / 2 + r.nextInt(81) - 40;
        int y = (h - ch) / 2 + r.nextInt(81) - 40;
        g.setColor(new Color(245, 242, 230));
        g.fillRoundRect(x - 30, y - 30, cw + 60, ch + 60, 18, 18);
        g.rotate(Math.toRadians((r.nextDouble() * 2 - 1) * (2 + severity * 4)), w / 2.0, h / 2.0);
        g.drawImage(code, x, y, cw, ch, null);
        g.dispose();
        BufferedImage photo = scene;
        if (severity >= 1) {
            photo = perspective(photo, 0.06 * severity * (r.nextBoolean() ? 1 : -1));
        }
        if (severity >= 2) {
            photo = curve(photo, 0.15 + 0.1 * (severity - 2));
        }
        photo = light(photo, r, 0.25 + 0.2 * severity);
        photo = blur(photo, 1 + severity);
        photo = noise(photo, r, 4 + severity * 5);
        return jpeg(photo, 0.9f - severity * 0.15f);
    }

    /** Keystone distortion: one side of the label further away than the other. */
    private static BufferedImage perspective(BufferedImage src, double k) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double nx = (x - w / 2.0) / (w / 2.0);
                double factor = 1 + k * nx;
                int sy = (int) Math.round(h / 2.0 + (y - h / 2.0) * factor);
                int sx = (int) Math.round(w / 2.0 + (x - w / 2.0) * (1 + k * 0.5));
                out.setRGB(x, y, sx >= 0 && sx < w && sy >= 0 && sy < h ? src.getRGB(sx, sy) : 0x303030);
            }
        }
        return out;
    }

    /** A can or bottle: the label wraps around a cylinder, the edges are compressed. */
    private static BufferedImage curve(BufferedImage src, double strength) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double radius = w / (2 * Math.sin(Math.min(1.3, 0.6 + strength)));
        for (int x = 0; x < w; x++) {
            double dx = (x - w / 2.0) / radius;
            if (Math.abs(dx) >= 1) {
                continue;
            }
            int sx = (int) Math.round(w / 2.0 + Math.asin(dx) * radius * (1 - strength * 0.3));
            for (int y = 0; y < h; y++) {
                out.setRGB(x, y, sx >= 0 && sx < w ? src.getRGB(sx, y) : 0x303030);
            }
        }
        return out;
    }

    /** A light gradient from one corner and lower contrast. */
    private static BufferedImage light(BufferedImage src, Random r, double amount) {
        int w = src.getWidth();
        int h = src.getHeight();
        double angle = r.nextDouble() * Math.PI * 2;
        double cx = Math.cos(angle);
        double cy = Math.sin(angle);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * cx + (y - h / 2.0) * cy) / Math.max(w, h) + 0.5;
                double gain = 1 - amount * t;
                int rgb = src.getRGB(x, y);
                int rr = (int) (((rgb >> 16 & 255) * gain) * (1 - amount * 0.3) + 40 * amount);
                int gg = (int) (((rgb >> 8 & 255) * gain) * (1 - amount * 0.3) + 40 * amount);
                int bb = (int) (((rgb & 255) * gain) * (1 - amount * 0.3) + 40 * amount);
                out.setRGB(x, y, clamp(rr) << 16 | clamp(gg) << 8 | clamp(bb));
            }
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage src, int radius) {
        int size = radius * 2 + 1;
        float[] kernel = new float[size * size];
        double sigma = radius / 2.0 + 0.5;
        double sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + radius) * size + x + radius] = (float) v;
                sum += v;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    private static BufferedImage noise(BufferedImage src, Random r, int amount) {
        int w = src.getWidth();
        int h = src.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = (int) (r.nextGaussian() * amount);
                int rgb = src.getRGB(x, y);
                src.setRGB(x, y, clamp((rgb >> 16 & 255) + n) << 16 | clamp((rgb >> 8 & 255) + n) << 8 | clamp((rgb & 255) + n));
            }
        }
        return src;
    }

    private static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(Math.max(0.3f, quality));
                writer.write(null, new IIOImage(src, null, null), param);
            }
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
