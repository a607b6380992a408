package de.kundenpuls.app.scan;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * {@code kundenpuls-app.jar --scan FILE…}: decodes each image without starting any UI and prints
 * {@code FILE<TAB>GTIN}, or {@code FILE<TAB>-} when there is none. A file that cannot be read
 * (missing, not an image) also prints {@code -}, and its reason goes to stderr, so that scripts
 * reading stdout line by line still get one line per file.
 */
public final class ScanCommand {

    /** Every file was read (whether or not it held a barcode). */
    public static final int OK = 0;
    /** At least one file could not be read. */
    public static final int UNREADABLE = 1;
    /** Wrong use: no files, or an unknown option. */
    public static final int USAGE = 2;

    /** What {@code --help} prints. */
    public static final String HELP = """
            Usage: java -jar kundenpuls-app.jar [--server URL]     start the app
                   java -jar kundenpuls-app.jar --scan FILE...     read EAN-13/EAN-8/UPC codes from photos, no UI
                   java -jar kundenpuls-app.jar --help             this text

            --scan prints one line per file: FILE<TAB>GTIN, or FILE<TAB>- when it holds no readable code.
            Files that cannot be read (missing, not an image) are reported on stderr.
            Exit status: 0 every file was read, 1 some could not be read, 2 wrong use.""";

    private ScanCommand() {
    }

    /**
     * Scans the files.
     *
     * @param files image paths
     * @param out   where the result lines go
     * @param err   where unreadable files and usage errors are explained
     * @return the exit status: {@link #OK}, {@link #UNREADABLE} or {@link #USAGE}
     */
    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("--scan needs at least one image file\n\n" + HELP);
            return USAGE;
        }
        for (String f : files) {
            if (f.startsWith("--")) {
                err.println("unknown option " + f + "\n\n" + HELP);
                return USAGE;
            }
        }
        BarcodeDecoder decoder = new BarcodeDecoder();
        int status = OK;
        for (String file : files) {
            Optional<String> gtin = Optional.empty();
            String unreadable = null;
            File f = new File(file);
            if (!f.isFile()) {
                unreadable = f.exists() ? "not a file" : "not found";
            } else {
                try {
                    BufferedImage image = ImageIO.read(f);
                    if (image == null) {
                        unreadable = "not an image";
                    } else {
                        gtin = decoder.decode(image);
                    }
                } catch (IOException | RuntimeException e) {
                    unreadable = "cannot read: " + e.getMessage();
                }
            }
            if (unreadable != null) {
                err.println(file + ": " + unreadable);
                status = UNREADABLE;
            }
            out.println(file + "\t" + gtin.orElse("-"));
        }
        out.flush();
        err.flush();
        return status;
    }
}
