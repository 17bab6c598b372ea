package io.twofakit.server.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Resources found by name, kept in memory for a database that only this process writes, until the account writes
 * such a resource again. Each account has a generation that {@link #changed} moves on after every write (committed or
 * not); an entry is answered only while its account is still at the generation read before the entry was loaded.
 * So a lookup never answers what a write that has returned has replaced: at worst it loads again.
 *
 * <p>Only resources that exist are kept (a name that finds nothing is asked of the database each time), so the
 * memory it takes is bounded by what the database holds, not by what clients ask for.
 *
 * @param <K> what names a resource within its account, e.g. a name, or a channel and a name
 * @param <V> the resource
 */
final class NameLookups<K, V> {

    private record Key<K>(String accountId, K name) {
    }

    private record Entry<V>(long generation, V value) {
    }

    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<Key<K>, Entry<V>> entries = new ConcurrentHashMap<>();

    /** The account's resource named {@code name}: the one kept, else what {@code load} finds (then kept). */
    Optional<V> find(String accountId, K name, Supplier<Optional<V>> load) {
        long generation = generation(accountId).get();
        Key<K> key = new Key<>(accountId, name);
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.generation() == generation) {
            return Optional.of(kept.value());
        }
        Optional<V> loaded = load.get();
        loaded.ifPresentOrElse(value -> entries.put(key, new Entry<>(generation, value)), () -> entries.remove(key));
        return loaded;
    }

    /** The account wrote such a resource: nothing kept before is answered again. */
    void changed(String accountId) {
        generation(accountId).incrementAndGet();
    }

    private AtomicLong generation(String accountId) {
        return generations.computeIfAbsent(accountId, ignored -> new AtomicLong());
    }
}
