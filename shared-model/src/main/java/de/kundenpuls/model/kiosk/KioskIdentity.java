package de.kundenpuls.model.kiosk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a tablet gets for its enrollment code: its own identity.
 *
 * @param kioskId     the kiosk
 * @param uid         its account id
 * @param storeId     its store
 * @param touchpoint  its touchpoint
 * @param customToken a Firebase custom token ({@code role=kiosk}, {@code store}, {@code touchpoint})
 *                    to sign in with; null on the embedded default, whose dev sign-in issues the
 *                    kiosk's tokens to callers on the same machine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KioskIdentity(String kioskId, String uid, String storeId, String touchpoint, String customToken) {
}
