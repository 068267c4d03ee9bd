package ipwatch.local.bench;

/**
 * How many records are due by a given moment at a fixed target rate, counted from a start time. The sender asks
 * "how many by now?" and sends the difference, so a sender that falls behind (a slow send, a GC pause) catches up in a
 * burst instead of silently publishing less; the achieved rate is measured separately.
 */
public final class RatePacer {
  private final double perSecond;
  private final long startNanos;
  private final long limit;

  /** @param limit the total number of records to send; nothing is due beyond it */
  public RatePacer(double perSecond, long startNanos, long limit) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("the rate must be positive, was " + perSecond);
    }
    this.perSecond = perSecond;
    this.startNanos = startNanos;
    this.limit = limit;
  }

  /** Records due in total by {@code nowNanos} (never more than the limit, never negative). */
  public long dueBy(long nowNanos) {
    if (nowNanos <= startNanos) {
      return 0;
    }
    double due = (nowNanos - startNanos) * perSecond / 1e9;
    return Math.min(limit, (long) Math.floor(due));
  }

  /** When the {@code n}-th record (1-based) is due. */
  public long dueAt(long n) {
    return startNanos + (long) Math.ceil(n * 1e9 / perSecond);
  }

  public boolean finished(long sent) {
    return sent >= limit;
  }
}
