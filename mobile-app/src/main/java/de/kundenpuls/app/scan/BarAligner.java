package de.kundenpuls.app.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Cuts a noisy, tilted barcode out of a photo so that ZXing can read it.
 *
 * <p>ZXing reads 1D codes one pixel row at a time and picks the black level from the whole row.
 * On a phone photo both hurt: sensor noise flips single pixels inside bars, and a coloured
 * package around the label drags the black level off. The aligner therefore turns the bars
 * upright (their direction comes from the image's gradients), averages each pixel with its
 * neighbours along the bar — which removes noise without blurring across the bars — and crops
 * to the region where the bars are, so that each row holds the label and little else.
 */
final class BarAligner {

    /** Rows averaged above and below each pixel, along the bars. */
    private static final int SMOOTH_RADIUS = 8;
    /** Side of the cells in which bar edges are counted to find the code. */
    private static final int CELL = 4;

    private BarAligner() {
    }

    /**
     * @param gray     the photo in gray levels
     * @param longSide the size to work at: the longer side of the photo is scaled to this
     * @return the upright, smoothed code region, or empty when the photo is too small
     */
    static Optional<BufferedImage> align(BufferedImage gray, int longSide) {
        double factor = (double) longSide / Math.max(gray.getWidth(), gray.getHeight());
        BufferedImage base = factor < 0.95 ? scale(gray, factor) : gray;
        if (base.getWidth() < 80 || base.getHeight() < 40) {
            return Optional.empty();
        }
        double angle = barAngle(base);
        BufferedImage upright = rotate(base, angle);
        BufferedImage smooth = smoothAlongBars(upright);
        int[] box = locate(smooth);
        if (box == null) {
            return Optional.empty();
        }
        // The first angle is pulled by the label's and package's edges; the one inside the code is right.
        double residual = barAngle(upright.getSubimage(box[0], box[1], box[2], box[3]));
        if (Math.abs(residual) > 1) {
            upright = rotate(base, angle + residual);
            smooth = smoothAlongBars(upright);
            box = locate(smooth);
            if (box == null) {
                return Optional.empty();
            }
        }
        return Optional.of(smooth.getSubimage(box[0], box[1], box[2], box[3]));
    }

    /**
     * The direction across the bars, from the structure tensor of the strong gradients.
     *
     * @return degrees to turn the image by so that the bars stand upright
     */
    static double barAngle(BufferedImage gray) {
        var raster = gray.getRaster();
        int w = gray.getWidth();
        int h = gray.getHeight();
        int step = Math.max(1, Math.min(w, h) / 240);
        double jxx = 0;
        double jyy = 0;
        double jxy = 0;
        for (int y = step; y < h - step; y += step) {
            for (int x = step; x < w - step; x += step) {
                double gx = raster.getSample(x + step, y, 0) - raster.getSample(x - step, y, 0);
                double gy = raster.getSample(x, y + step, 0) - raster.getSample(x, y - step, 0);
                if (gx * gx + gy * gy >= 400) {
                    jxx += gx * gx;
                    jyy += gy * gy;
                    jxy += gx * gy;
                }
            }
        }
        return Math.toDegrees(0.5 * Math.atan2(2 * jxy, jxx - jyy));
    }

    /** Turns the image by {@code -degrees} onto a canvas large enough to keep all of it. */
    static BufferedImage rotate(BufferedImage gray, double degrees) {
        if (Math.abs(degrees) < 1) {
            return gray;
        }
        double radians = Math.toRadians(-degrees);
        double cos = Math.abs(Math.cos(radians));
        double sin = Math.abs(Math.sin(radians));
        int w = gray.getWidth();
        int h = gray.getHeight();
        int nw = (int) Math.ceil(w * cos + h * sin);
        int nh = (int) Math.ceil(w * sin + h * cos);
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, nw, nh);
        AffineTransform turn = AffineTransform.getTranslateInstance((nw - w) / 2.0, (nh - h) / 2.0);
        turn.rotate(radians, w / 2.0, h / 2.0);
        g.drawImage(gray, turn, null);
        g.dispose();
        return out;
    }

    /** Averages every pixel over {@link #SMOOTH_RADIUS} rows above and below (column prefix sums). */
    static BufferedImage smoothAlongBars(BufferedImage gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        int[] px = gray.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
        int[] column = new int[w * (h + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                column[(y + 1) * w + x] = column[y * w + x] + px[y * w + x];
            }
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - SMOOTH_RADIUS);
            int y1 = Math.min(h, y + SMOOTH_RADIUS + 1);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (column[y1 * w + x] - column[y0 * w + x]) / (y1 - y0);
            }
        }
        BufferedImage smooth = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        smooth.getRaster().setSamples(0, 0, w, h, 0, out);
        return smooth;
    }

    /**
     * Finds the code: the window with the most horizontal edges, widened left and right while the
     * edges go on, with a margin for the quiet zone.
     *
     * @return {x, y, width, height}, or null when the image is too small
     */
    static int[] locate(BufferedImage smooth) {
        int w = smooth.getWidth();
        int h = smooth.getHeight();
        int cw = w / CELL;
        int ch = h / CELL;
        if (cw < 20 || ch < 10) {
            return null;
        }
        int[] px = smooth.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
        double[] edges = new double[cw * ch];
        for (int y = 0; y < ch * CELL; y++) {
            for (int x = 1; x < cw * CELL - 1; x++) {
                edges[(y / CELL) * cw + x / CELL] += Math.abs(px[y * w + x + 1] - px[y * w + x - 1]);
            }
        }
        int winW = Math.max(3, cw / 8);
        int winH = Math.max(2, ch / 16);
        double[] sums = new double[(cw + 1) * (ch + 1)];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                sums[(y + 1) * (cw + 1) + x + 1] = edges[y * cw + x] + sums[y * (cw + 1) + x + 1]
                        + sums[(y + 1) * (cw + 1) + x] - sums[y * (cw + 1) + x];
            }
        }
        double best = -1;
        int bestX = 0;
        int bestY = 0;
        for (int y = 0; y + winH <= ch; y++) {
            for (int x = 0; x + winW <= cw; x++) {
                double s = sums[(y + winH) * (cw + 1) + x + winW] - sums[y * (cw + 1) + x + winW]
                        - sums[(y + winH) * (cw + 1) + x] + sums[y * (cw + 1) + x];
                if (s > best) {
                    best = s;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        // Edge strength per column in the band of the best window, smoothed over a few cells so
        // that the wide spaces between bars do not end the code early.
        int bandTop = Math.max(0, bestY - winH);
        int bandBottom = Math.min(ch, bestY + 2 * winH);
        double[] profile = new double[cw];
        for (int x = 0; x < cw; x++) {
            for (int y = bandTop; y < bandBottom; y++) {
                profile[x] += edges[y * cw + x];
            }
        }
        double[] smoothed = new double[cw];
        for (int x = 0; x < cw; x++) {
            double s = 0;
            int n = 0;
            for (int k = Math.max(0, x - 4); k <= Math.min(cw - 1, x + 4); k++) {
                s += profile[k];
                n++;
            }
            smoothed[x] = s / n;
        }
        int peak = bestX;
        for (int x = bestX; x < bestX + winW; x++) {
            if (smoothed[x] > smoothed[peak]) {
                peak = x;
            }
        }
        double threshold = 0.3 * smoothed[peak];
        int left = peak;
        int right = peak;
        while (left > 0 && smoothed[left - 1] > threshold) {
            left--;
        }
        while (right < cw - 1 && smoothed[right + 1] > threshold) {
            right++;
        }
        int margin = Math.max(4, (right - left) / 8);
        int x0 = Math.max(0, (left - margin) * CELL);
        int x1 = Math.min(w, (right + 1 + margin) * CELL);
        int y0 = Math.max(0, (bestY - 2 * winH) * CELL);
        int y1 = Math.min(h, (bestY + 3 * winH) * CELL);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /**
     * Sharpens across the bars only: {@code v + amount · (v − gauss(v, sigma))} along each row,
     * which undoes some of the blur that merges one-module bars and spaces.
     */
    static BufferedImage sharpenAcrossBars(BufferedImage gray, double amount, double sigma) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        int r = (int) Math.ceil(sigma * 3);
        double[] kernel = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + r];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int[] row = new int[w];
        int[] out = new int[w];
        BufferedImage sharp = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            gray.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                double blurred = 0;
                for (int i = -r; i <= r; i++) {
                    blurred += kernel[i + r] * row[Math.max(0, Math.min(w - 1, x + i))];
                }
                out[x] = Math.max(0, Math.min(255, (int) Math.round(row[x] + amount * (row[x] - blurred))));
            }
            sharp.getRaster().setSamples(0, y, w, 1, 0, out);
        }
        return sharp;
    }

    private static BufferedImage scale(BufferedImage gray, double factor) {
        int w = Math.max(1, (int) Math.round(gray.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(gray.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(gray, 0, 0, w, h, null);
        g.dispose();
        return scaled;
    }
}
