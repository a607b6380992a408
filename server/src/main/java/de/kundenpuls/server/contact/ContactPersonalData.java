package de.kundenpuls.server.contact;

import java.util.List;
import java.util.Optional;

import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.storage.Transaction;

/** When and how a customer was contacted, for export and erasure. */
public final class ContactPersonalData implements PersonalData {

    private final ContactBudget budget;

    /**
     * Creates the holder.
     *
     * @param budget the contact budget and its log
     */
    public ContactPersonalData(ContactBudget budget) {
        this.budget = budget;
    }

    @Override
    public String section() {
        return "contacts";
    }

    @Override
    public Optional<Object> export(String uid) {
        List<Contact> contacts = budget.of(uid);
        return contacts.isEmpty() ? Optional.empty() : Optional.of(contacts);
    }

    @Override
    public void erase(String uid, Transaction tx) {
        budget.forget(uid, tx);
    }
}
