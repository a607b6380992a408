/**
 * Eclipse Store persistence: the data directory, the single writer, and the rules every feature
 * container follows.
 *
 * <h2>The write-cost rule</h2>
 * No commit may rewrite a stored collection whose size grows with the data. Eclipse Store stores
 * a collection or an array as one record, so storing a map of a million entries writes a million
 * references, however small the change. Therefore:
 * <ul>
 *   <li>Unbounded data is appended in segments of bounded size; only the open tail is written by
 *       a commit, and sealed segments sit behind {@code Lazy} so that old data leaves the heap
 *       (see {@code feedback.AnswerLog}).</li>
 *   <li>Keyed data is sharded so that a shard stays small at the scale we plan for (ten million
 *       answers and profiles); shard directories are fixed-size arrays or two-level, created on
 *       demand, never a list that grows by one per shard.</li>
 *   <li>Per-period data lives in fixed arrays per year (366 days, 53 weeks, 12 months), so a new
 *       period writes one array of constant size.</li>
 *   <li>Bulk values are stored encoded (a segment of answers is one byte array, a profile is one
 *       byte array), because every stored object is an entity that Eclipse Store indexes at
 *       start. Where such records reach millions (profiles), several share one stored array
 *       ({@link de.kundenpuls.server.storage.PackedMap}): a start indexes entities, not bytes, and
 *       ten million profiles as two entities each took most of a minute to open.</li>
 *   <li>What must be in memory right after a start (the audience index) is stored as fixed-width
 *       facet bytes in chunks, loaded at start and turned into bitmaps; the bitmaps themselves are
 *       never stored.</li>
 * </ul>
 * {@code feedback.WriteCostTest} and {@code profile.ProfileWriteCostTest} keep this true: they
 * fail when the bytes written per accepted batch grow with the number of stored answers, or the
 * bytes per profile change with the number of profiles.
 *
 * <h2>Locking and snapshots</h2>
 * <ul>
 *   <li>Every change runs on the one writer thread of {@link de.kundenpuls.server.storage.StorageWriter},
 *       inside a {@link de.kundenpuls.server.storage.Change}; mutation and store never interleave,
 *       and concurrent requests share a commit (group commit). A caller is answered only after the
 *       commit that holds its change.</li>
 *   <li>A change registers exactly the objects it modified with
 *       {@link de.kundenpuls.server.storage.Transaction#store(Object)} — the map that got an entry,
 *       the array whose slot changed, the holder whose field was replaced — never the root.</li>
 *   <li>A change validates and prepares everything first and mutates last, so that a change that
 *       throws has changed nothing; what it registered is dropped from the commit.</li>
 *   <li>Stored values are immutable records; an update replaces the value. Containers hand out
 *       copies or immutable values, never a live collection for callers to lock.</li>
 *   <li>Readers on other threads see concurrent maps of immutable values, or take a consistent
 *       snapshot under the container's monitor where two fields must be read together.</li>
 * </ul>
 *
 * <h2>Traps (STACK.md)</h2>
 * Never store JDK immutable collections (a one-element {@code List.of} reloads with two
 * elements); {@code EnumMap} and {@code LinkedBlockingQueue} do not load.
 */
package de.kundenpuls.server.storage;
