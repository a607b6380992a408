package de.kundenpuls.app.scan;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * {@code kundenpuls-app.jar --scan FILE…}: decodes each image without starting any UI and prints
 * {@code FILE<TAB>GTIN}, or {@code FILE<TAB>-} when nothing was found or the file is no image.
 */
public final class ScanCommand {

    private ScanCommand() {
    }

    /**
     * Scans the files.
     *
     * @param files image paths
     * @param out   where the lines go
     */
    public static void run(String[] files, PrintStream out) {
        BarcodeDecoder decoder = new BarcodeDecoder();
        for (String file : files) {
            Optional<String> gtin;
            try {
                BufferedImage image = ImageIO.read(new File(file));
                gtin = image == null ? Optional.empty() : decoder.decode(image);
            } catch (IOException | RuntimeException e) {
                gtin = Optional.empty();
            }
            out.println(file + "\t" + gtin.orElse("-"));
        }
        out.flush();
    }
}
