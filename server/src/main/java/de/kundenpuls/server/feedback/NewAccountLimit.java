package de.kundenpuls.server.feedback;

import java.time.Duration;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.TooManyRequestsException;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.ratelimit.KeyedLimiter;

/**
 * How many new app accounts one network address may bring in. An anonymous account costs nothing
 * to make, so a limit per account alone lets a script sign up again and again and post a burst
 * from each: the first answers of an account not seen before are limited per address too.
 *
 * <p>An account is known once it has a profile or passed here before (a bounded memory: an
 * account forgotten after a restart costs its address one more token, nothing else).
 */
final class NewAccountLimit {

    private final KeyedLimiter perAddress;
    private final Predicate<String> hasProfile;
    private final Cache<String, Boolean> known = Caffeine.newBuilder().maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofDays(7)).executor(Runnable::run).build();

    /**
     * @param rate       new accounts per address
     * @param hasProfile whether an account has a stored profile
     */
    NewAccountLimit(KeyedLimiter.Rate rate, Predicate<String> hasProfile) {
        this.perAddress = new KeyedLimiter(rate, 100_000);
        this.hasProfile = hasProfile;
    }

    /**
     * Lets an app account's batch in, or refuses it when its address brought too many new ones.
     *
     * @param caller  the caller
     * @param address the caller's network address
     * @throws TooManyRequestsException when the address is over its rate
     */
    void admit(Caller caller, String address) {
        if (caller.role() != Role.SHOPPER || known.getIfPresent(caller.uid()) != null || hasProfile.test(caller.uid())) {
            return;
        }
        perAddress.take(address, 1).ifPresent(wait -> {
            throw new TooManyRequestsException("Authorization", wait, ProblemCode.ACCOUNT_RATE,
                    TooManyRequestsException.seconds(wait));
        });
        known.put(caller.uid(), Boolean.TRUE);
    }
}
