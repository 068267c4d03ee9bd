package ipwatch.match.index;

import java.util.function.IntPredicate;

/**
 * A multimap from 64-bit key hashes to int ids packed into one {@code long[]} (open addressing, linear probing,
 * duplicate keys allowed): each slot holds a 32-bit fingerprint of the key and the id, 8 bytes in all. Why not
 * {@code HashMap<String, List<Integer>>}: at a million marks with ten keys each that map costs well over a gigabyte
 * in objects. The price is that fingerprints collide, so callers verify every id against the real strings.
 *
 * <p>Lookups walk the slots without allocating: {@code for (int s = map.first(k); s >= 0; s = map.next(k, s))
 * use(map.value(s))}. Removal is lazy: ids of removed assets stay until {@link #compact} drops them, and callers
 * skip dead ids.
 */
public final class LongIntMultiMap {
  private long[] slots; // fingerprint << 32 | id; 0 = empty
  private long[] present; // one bit per home slot: most probes ask for absent keys and stop here, mostly in cache
  private int mask;
  private int size;

  public LongIntMultiMap(int expected) {
    allocate(capacityFor(expected));
  }

  public int size() {
    return size;
  }

  public void put(long key, int value) {
    if ((size + 1) * 5L > (mask + 1) * 4L) {
      rehash(2 * (mask + 1), i -> false);
    }
    insert(key, value);
    size++;
  }

  /**
   * Adds the id unless {@code limit} ids are already stored under the key, and says whether it did. A key shared by
   * that many entries tells them apart no better than no key, and every lookup would have to walk them all.
   */
  public boolean putLimited(long key, int value, int limit) {
    int n = 0;
    for (int s = first(key); s >= 0 && n < limit; s = next(key, s)) {
      n++;
    }
    if (n >= limit) {
      return false;
    }
    put(key, value);
    return true;
  }

  /** The first slot holding {@code key}, or -1. */
  public int first(long key) {
    int home = home(key);
    if ((present[home >>> 6] & (1L << home)) == 0) {
      return -1;
    }
    return scan(fingerprint(key), home);
  }

  /** The next slot after {@code slot} holding {@code key}, or -1. */
  public int next(long key, int slot) {
    return scan(fingerprint(key), (slot + 1) & mask);
  }

  public int value(int slot) {
    return (int) slots[slot];
  }

  /** Rebuilds the table without the ids {@code dead} accepts. */
  public void compact(IntPredicate dead) {
    rehash(capacityFor(size), dead);
  }

  private int scan(int fingerprint, int from) {
    for (int i = from; slots[i] != 0; i = (i + 1) & mask) {
      if ((int) (slots[i] >>> 32) == fingerprint) {
        return i;
      }
    }
    return -1;
  }

  private void rehash(int capacity, IntPredicate dead) {
    long[] old = slots;
    allocate(capacity);
    size = 0;
    for (long s : old) {
      if (s != 0 && !dead.test((int) s)) {
        place(s, (int) (s >>> 32));
        size++;
      }
    }
  }

  private void allocate(int capacity) {
    slots = new long[capacity];
    present = new long[Math.max(1, capacity >>> 6)];
    mask = capacity - 1;
  }

  private static int capacityFor(int entries) {
    return Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
  }

  private void insert(long key, int value) {
    int fp = fingerprint(key);
    place(((long) fp << 32) | (value & 0xFFFFFFFFL), fp);
  }

  /** Slots are homed by their fingerprint, so a rehash needs no original keys. */
  private void place(long slot, int fp) {
    int i = fp & mask;
    present[i >>> 6] |= 1L << i;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
  }

  private int home(long key) {
    return fingerprint(key) & mask;
  }

  /** 32 well-mixed bits of the key, never 0 (0 marks an empty slot). */
  private static int fingerprint(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    int fp = (int) (h ^ (h >>> 32));
    return fp == 0 ? 1 : fp;
  }

  @Override
  public String toString() {
    return "LongIntMultiMap[size=" + size + ", capacity=" + (mask + 1) + "]";
  }
}
