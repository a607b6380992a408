/** Enrolled feedback kiosks: enrollment, identity and the fleet view. */
package de.kundenpuls.model.kiosk;
