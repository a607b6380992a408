package de.kundenpuls.app.offers;

import java.util.Map;

import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;

/** A redeem code as a Code 128 barcode the store's till scanner reads from the phone's screen. */
public final class RedeemCode {

    private RedeemCode() {
    }

    /**
     * @param code   the code
     * @param width  image width in pixels
     * @param height image height in pixels
     * @return the barcode
     */
    public static Image barcode(String code, int width, int height) {
        BitMatrix m = new Code128Writer().encode(code, BarcodeFormat.CODE_128, width, height, Map.of(EncodeHintType.MARGIN, 10));
        WritableImage image = new WritableImage(m.getWidth(), m.getHeight());
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                w.setColor(x, y, m.get(x, y) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
