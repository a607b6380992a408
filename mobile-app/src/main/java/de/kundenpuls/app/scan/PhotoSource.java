package de.kundenpuls.app.scan;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Optional;

import javafx.embed.swing.SwingFXUtils;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import com.gluonhq.attach.pictures.PicturesService;
import com.gluonhq.attach.util.Platform;

/** Where the photo of a barcode comes from: the camera on a phone, an image file on the desktop. */
@FunctionalInterface
public interface PhotoSource {

    /**
     * @param owner the window asking
     * @return the photo, or empty when the user cancelled
     * @throws IOException when the image cannot be read
     */
    Optional<BufferedImage> take(Window owner) throws IOException;

    /** @return the camera (Attach Pictures) on Android and iOS, a file chooser elsewhere */
    static PhotoSource forThisDevice() {
        if (!Platform.isDesktop()) {
            return owner -> PicturesService.create().flatMap(p -> p.takePhoto(false)).map(i -> SwingFXUtils.fromFXImage(i, null));
        }
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
            File file = chooser.showOpenDialog(owner);
            return file == null ? Optional.empty() : fromFile(file);
        };
    }

    /**
     * @param file an image file
     * @return the image
     * @throws IOException when it is not a readable image
     */
    static Optional<BufferedImage> fromFile(File file) throws IOException {
        BufferedImage image = ImageIO.read(file);
        if (image == null) {
            throw new IOException("not an image: " + file.getName());
        }
        return Optional.of(image);
    }
}
