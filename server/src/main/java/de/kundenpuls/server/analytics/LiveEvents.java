package de.kundenpuls.server.analytics;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fan-out of live events (updated scores, alerts) to the open SSE streams. Published only after
 * the commit that holds the change, so a console never shows what could still be lost.
 */
public final class LiveEvents {

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * Opens a subscription.
     *
     * @param storeId only events of this store (staff), or empty for all
     * @return the subscription; close it when the stream ends
     */
    public Subscription subscribe(Optional<String> storeId) {
        Subscription s = new Subscription(storeId, this);
        subscriptions.add(s);
        return s;
    }

    /**
     * Publishes an event to every matching subscription; slow consumers lose events rather than
     * slow down capture.
     *
     * @param event the event
     */
    public void publish(Event event) {
        for (Subscription s : subscriptions) {
            if (s.storeId.isEmpty() || s.storeId.get().equals(event.storeId())) {
                s.queue.offer(event);
            }
        }
    }

    /** Number of open streams. */
    public int subscribers() {
        return subscriptions.size();
    }

    /**
     * An event.
     *
     * @param name    SSE event name: {@code scores} or {@code alert}
     * @param storeId the store it concerns
     * @param data    the JSON payload
     */
    public record Event(String name, String storeId, Object data) {
    }

    /** One open stream. */
    public static final class Subscription implements AutoCloseable {
        private final Optional<String> storeId;
        private final LiveEvents owner;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(1000);

        private Subscription(Optional<String> storeId, LiveEvents owner) {
            this.storeId = storeId;
            this.owner = owner;
        }

        /**
         * The next event.
         *
         * @param millis how long to wait
         * @return the event, or null when none came
         * @throws InterruptedException when interrupted
         */
        public Event poll(long millis) throws InterruptedException {
            return queue.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            owner.subscriptions.remove(this);
        }
    }
}
