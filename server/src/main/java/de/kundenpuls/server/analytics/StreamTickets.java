package de.kundenpuls.server.analytics;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kundenpuls.server.auth.Caller;

/**
 * Admission to the live stream. A browser's {@code EventSource} cannot send an Authorization
 * header, and an ID token in a URL ends up in logs and histories: so the console trades its token
 * (in a header) for a ticket that is good once, for {@value #TICKET_SECONDS} seconds, and opens the
 * stream with it. Also counts the open streams per identity.
 */
final class StreamTickets {

    static final int TICKET_SECONDS = 30;

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Caller> tickets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(TICKET_SECONDS)).executor(Runnable::run).build();
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int maxPerIdentity;

    StreamTickets(int maxPerIdentity) {
        this.maxPerIdentity = maxPerIdentity;
    }

    /** A new single-use ticket for the caller. */
    String issue(Caller caller) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, caller);
        return ticket;
    }

    /** The caller a ticket was issued to; the ticket is used up by this. */
    Optional<Caller> redeem(String ticket) {
        return Optional.ofNullable(tickets.asMap().remove(ticket));
    }

    /**
     * Counts a stream opened by an identity.
     *
     * @return false when the identity has its maximum open already (nothing is counted then)
     */
    boolean open(String uid) {
        AtomicInteger count = open.computeIfAbsent(uid, u -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerIdentity) {
            close(uid);
            return false;
        }
        return true;
    }

    /** Counts a stream closed. */
    void close(String uid) {
        open.computeIfPresent(uid, (u, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    int maxPerIdentity() {
        return maxPerIdentity;
    }
}
