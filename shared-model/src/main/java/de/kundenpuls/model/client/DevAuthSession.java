package de.kundenpuls.model.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The embedded default's sign-in as an {@link AuthSession}: tokens from {@code POST /api/dev/tokens}
 * (loopback callers only), renewed before their hour is over. Never available in production.
 */
public final class DevAuthSession implements AuthSession {

    /** Dev tokens are valid for an hour; renewing at 50 minutes leaves room for clock drift. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(50);

    private final KundenpulsClient anonymous;
    private final String role;
    private final String storeId;
    private final String uid;
    private final Clock clock;
    private String token;
    private Instant issuedAt;

    /**
     * Signs in.
     *
     * @param server  a client of the server, without identity
     * @param role    {@code shopper}, {@code staff}, …
     * @param storeId the store, for staff; else null
     * @param uid     the account id to sign in as (a shopper keeps theirs on the device), or null for a new one
     * @param clock   the clock
     */
    public DevAuthSession(KundenpulsClient server, String role, String storeId, String uid, Clock clock) {
        this.anonymous = server.withToken(null);
        this.role = role;
        this.storeId = storeId;
        this.clock = clock;
        DevApi.DevToken first = anonymous.dev().token(role, storeId, uid);
        this.uid = first.uid();
        this.token = first.token();
        this.issuedAt = clock.instant();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public synchronized String idToken() {
        if (clock.instant().isAfter(issuedAt.plus(RENEW_AFTER))) {
            renew();
        }
        return token;
    }

    @Override
    public synchronized String refreshAfterUnauthorized() {
        renew();
        return token;
    }

    private void renew() {
        token = anonymous.dev().token(role, storeId, uid).token();
        issuedAt = clock.instant();
    }
}
