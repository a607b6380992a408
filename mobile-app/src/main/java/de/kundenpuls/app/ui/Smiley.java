package de.kundenpuls.app.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.StrokeLineCap;

/**
 * A drawn face for a rating of 1–5: red and frowning to green and smiling. Drawn rather than an
 * emoji so it looks the same on every device and font.
 */
public final class Smiley {

    private static final Color[] COLORS = {Color.web("#d64545"), Color.web("#ef8a3c"), Color.web("#f2c230"),
        Color.web("#8cc152"), Color.web("#2e9e5b")};

    private Smiley() {
    }

    /**
     * @param score  1 (very unhappy) to 5 (very happy)
     * @param radius the face's radius in pixels
     * @return the face
     */
    public static Node face(int score, double radius) {
        Circle face = new Circle(radius, COLORS[score - 1]);
        Circle leftEye = new Circle(-radius * 0.33, -radius * 0.22, radius * 0.11, Color.web("#1c2430"));
        Circle rightEye = new Circle(radius * 0.33, -radius * 0.22, radius * 0.11, Color.web("#1c2430"));
        double mouthY = radius * 0.35;
        // 1 curves down (frown), 3 is flat, 5 curves up (smile).
        double bend = (score - 3) * radius * 0.22;
        QuadCurve mouth = new QuadCurve(-radius * 0.42, mouthY, 0, mouthY + bend * 2, radius * 0.42, mouthY);
        mouth.setFill(null);
        mouth.setStroke(Color.web("#1c2430"));
        mouth.setStrokeWidth(radius * 0.12);
        mouth.setStrokeLineCap(StrokeLineCap.ROUND);
        Group g = new Group(face, leftEye, rightEye, mouth);
        g.setMouseTransparent(true);
        return g;
    }
}
