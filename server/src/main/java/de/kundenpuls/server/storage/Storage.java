package de.kundenpuls.server.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

import org.eclipse.serializer.reference.Lazy;
import org.eclipse.serializer.reference.LazyReferenceManager;
import org.eclipse.store.storage.embedded.configuration.types.EmbeddedStorageConfigurationBuilder;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageFoundation;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;
import org.eclipse.store.storage.types.StorageConfiguration;
import org.eclipse.store.storage.types.StorageLockFileSetup;

/**
 * The open Eclipse Store data directory: its root, its writer and its housekeeping.
 *
 * <p>Opened in {@code Main} before the server starts and closed after it stops. The lock file is
 * switched on (it is opt-in) so that a second server on the same directory fails instead of
 * silently corrupting it.
 */
public final class Storage implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());
    private static final long RECLAIM_SLICE_MS = 10;
    private static final long RECLAIM_SLICE_NANOS = RECLAIM_SLICE_MS * 1_000_000L;
    private static final long RECLAIM_SLICING_NANOS = 15_000_000_000L;

    private final EmbeddedStorageManager manager;
    private final Object root;
    private final StorageWriter writer;
    private final Path directory;
    private final ErasureAwareFileEvaluator evaluator;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService housekeeping = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("kundenpuls-reclaim").daemon(true).factory());
    private final Object reclaimLock = new Object();
    private Future<?> pendingReclaim;
    private boolean reclaimStarted;

    private Storage(EmbeddedStorageManager manager, Object root, Path directory, ErasureAwareFileEvaluator evaluator) {
        this.manager = manager;
        this.evaluator = evaluator;
        this.root = root;
        this.directory = directory;
        this.writer = new StorageWriter(manager);
    }

    /**
     * How often Eclipse Serializer's lazy reference manager walks its list of every {@code Lazy}
     * loaded so far, to unload the old ones. Its default is every second; at ten million profiles
     * that list holds millions of references, and the walk took a third of a core (a JFR recording
     * of PATCH /api/me at 10 M: 197 samples in the manager against 596 on the storage writer).
     * Lazy references are unloaded after minutes of disuse or under heap pressure, so ten seconds
     * between walks changes nothing a user can see.
     */
    static final long LAZY_CHECK_INTERVAL_MS = 10_000;
    /** Time a walk may take before it stops and goes on at the next one: Eclipse Serializer's default. */
    private static final long LAZY_CHECK_BUDGET_NS = 1_000_000;

    static {
        // Global to the JVM: set once, before any storage starts it. Reading the default first
        // creates it, and with it its JMX bean under the one name both would use; that bean is
        // handed over to the replacement, so that monitoring shows the manager that runs.
        LazyReferenceManager.get();
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .unregisterMBean(new ObjectName("org.eclipse.store:name=LazyReferenceManager"));
        } catch (JMException e) {
            LOG.log(Level.FINE, "No JMX bean of the default lazy reference manager to hand over", e);
        }
        LazyReferenceManager.set(LazyReferenceManager.New(Lazy.Checker(), LAZY_CHECK_INTERVAL_MS, LAZY_CHECK_BUDGET_NS));
    }

    /**
     * Opens (or creates) a data directory.
     *
     * @param settings where and how
     * @param rootType the type of the root of the stored graph
     * @param newRoot  makes the root of a new data directory
     * @param <R>      the root type
     * @return the open storage
     * @throws StorageUnavailableException with one clear line when the directory cannot be used
     */
    public static <R> Storage open(StorageSettings settings, Class<R> rootType, Supplier<R> newRoot) {
        Path dir = settings.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StorageUnavailableException("Cannot create the data directory " + dir + ": " + e, e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new StorageUnavailableException("The data directory " + dir + " is not a writable directory", null);
        }
        removeStaleLock(dir);
        try {
            EmbeddedStorageFoundation<?> foundation = EmbeddedStorageConfigurationBuilder.New()
                    .setStorageDirectory(dir.toString())
                    .setChannelCount(settings.channelCount())
                    .setHousekeepingInterval(settings.housekeepingInterval())
                    .setHousekeepingTimeBudget(settings.housekeepingBudget())
                    .createEmbeddedStorageFoundation();
            foundation.setLockFileSetupProvider(StorageLockFileSetup.Provider());
            StorageConfiguration configured = foundation.getConfiguration();
            ErasureAwareFileEvaluator evaluator = new ErasureAwareFileEvaluator(configured.dataFileEvaluator());
            foundation.setConfiguration(StorageConfiguration.Builder()
                    .setChannelCountProvider(configured.channelCountProvider())
                    .setHousekeepingController(configured.housekeepingController())
                    .setStorageFileProvider(configured.fileProvider())
                    .setEntityCacheEvaluator(new LoadOnDemandCacheEvaluator(configured.entityCacheEvaluator()))
                    .setBackupSetup(configured.backupSetup())
                    .setDataFileEvaluator(evaluator)
                    .createConfiguration());
            EmbeddedStorageManager manager = foundation.start();
            Object root;
            if (rootType.isInstance(manager.root())) {
                root = manager.root();
            } else if (manager.root() == null) {
                root = newRoot.get();
                manager.setRoot(root);
                manager.storeRoot();
            } else {
                manager.shutdown();
                throw new StorageUnavailableException("The data directory " + dir
                        + " holds data of another application (root " + manager.root().getClass().getName() + ")", null);
            }
            return new Storage(manager, root, dir, evaluator);
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Cannot open the data directory " + dir + ": " + rootMessage(e), e);
        }
    }

    /**
     * Eclipse Store's lock file names the owning process ({@code written;expires;pid@host}) and is
     * only considered free once it expires. After a crash (kill -9) that would make an immediate
     * restart fail; a lock whose process on this host is gone is therefore removed. A lock of a
     * live process, or of another host, stays and makes {@link #open} fail as it should.
     */
    private static void removeStaleLock(Path dir) {
        Path lock = dir.resolve("used.lock");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try {
            String content = Files.readString(lock).strip();
            String[] parts = content.split(";");
            if (parts.length < 3) {
                return;
            }
            String identity = parts[2];
            int at = identity.indexOf('@');
            if (at <= 0) {
                return;
            }
            long pid = Long.parseLong(identity.substring(0, at));
            String host = identity.substring(at + 1);
            String me = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
            String myHost = me.substring(me.indexOf('@') + 1);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (host.equals(myHost) && !alive && pid != ProcessHandle.current().pid()) {
                Files.delete(lock);
                // Eclipse Store leaves its lock file behind after a clean close too: this says
                // nothing about how the process ended.
                LOG.info("Removed the lock file of process " + pid + ", which is no longer running, from " + dir);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not inspect the storage lock; leaving it to Eclipse Store", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * The root of the stored graph.
     *
     * @param type its type, as given to {@link #open}
     * @param <R>  the root type
     * @return the root
     */
    public <R> R root(Class<R> type) {
        return type.cast(root);
    }

    /** The single writer through which every change is made durable. */
    public StorageWriter writer() {
        return writer;
    }

    /** The data directory. */
    public Path directory() {
        return directory;
    }

    /** Whether storage is open and accepting commits. */
    public boolean healthy() {
        return manager.isRunning() && writer.healthy();
    }

    /**
     * Makes erased data leave the data files: unreachable objects are only dropped from the files
     * after a JVM garbage collection, a storage garbage collection and a file check (STACK.md,
     * verified by searching the files for a marker).
     *
     * <p>Both run in slices of {@value #RECLAIM_SLICE_MS} ms with pauses between, for up to 15 s
     * each, then the rest in one piece: Eclipse Store does this work on the storage channel that
     * also writes commits, and one full pass over ten million answers holds every write for
     * seconds. Erasures in a burst share one run; an erasure during a run schedules one more.
     *
     * @return completes when the files no longer hold unreachable data
     */
    public Future<?> reclaimErasedData() {
        synchronized (reclaimLock) {
            if (pendingReclaim != null && !pendingReclaim.isDone() && !reclaimStarted) {
                return pendingReclaim;
            }
            reclaimStarted = false;
            pendingReclaim = housekeeping.submit(this::reclaim);
            return pendingReclaim;
        }
    }

    private void reclaim() {
        synchronized (reclaimLock) {
            reclaimStarted = true;
        }
        try {
            evaluator.reclaiming(true);
            // The JVM GC lets the persistence registry forget the erased objects; the storage GC
            // then marks them dead; the strict file check rewrites every file that holds them.
            for (int round = 0; round < 2 && !closed.get(); round++) {
                System.gc();
                // Sliced while it converges; while answers keep arriving the storage GC may never
                // report completion (new commits need marking too), so after the slicing budget the
                // rest runs in one piece: erased data must leave the files within two minutes.
                long deadline = System.nanoTime() + RECLAIM_SLICING_NANOS;
                while (!closed.get() && !manager.issueGarbageCollection(RECLAIM_SLICE_NANOS) && System.nanoTime() < deadline) {
                    pause();
                }
                manager.issueFullGarbageCollection();
                deadline = System.nanoTime() + RECLAIM_SLICING_NANOS;
                while (!closed.get() && !manager.issueFileCheck(RECLAIM_SLICE_NANOS) && System.nanoTime() < deadline) {
                    pause();
                }
                manager.issueFullFileCheck();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reclaiming erased data failed; the next housekeeping will retry", e);
        } finally {
            evaluator.reclaiming(false);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECLAIM_SLICE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reclaiming", e);
        }
    }

    /** Commits what is queued and closes the data directory; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        housekeeping.shutdownNow();
        manager.shutdown();
    }
}
