package de.kundenpuls.model.offer;

/**
 * The answer to a product scan in the app.
 *
 * @param learned whether the scan was kept as an interest (only with the personalization consent)
 */
public record ScanResult(boolean learned) {
}
