/** What the audit log tells admins. */
package de.kundenpuls.model.privacy;
