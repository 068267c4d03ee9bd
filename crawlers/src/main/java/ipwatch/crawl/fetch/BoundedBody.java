package ipwatch.crawl.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Reads a response body only when it is worth reading: a 2xx of an accepted content type that does not declare more
 * than the byte limit. Anything else is cut off right after the headers (the connection is closed rather than drained,
 * so a 2 GB video costs us nothing). A body that grows past the limit while streaming fails with {@link TooLarge}; the
 * caller bounds the whole exchange in time and calls {@link #cancel} when the deadline passes.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
  /** The body went past the byte limit. */
  static final class TooLarge extends RuntimeException {
    TooLarge(long limit) {
      super("page larger than " + limit + " bytes", null, false, false);
    }
  }

  enum Verdict { READ, NOT_WANTED, DECLARED_TOO_LARGE }

  private final long maxBytes;
  private final Predicate<String> acceptType;
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile Verdict verdict = Verdict.NOT_WANTED;
  private volatile boolean cancelled;

  BoundedBody(long maxBytes, Predicate<String> acceptType) {
    this.maxBytes = maxBytes;
    this.acceptType = acceptType;
  }

  Verdict verdict() {
    return verdict;
  }

  static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    String type = mediaType(info.headers().firstValue("Content-Type").orElse(""));
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (status < 200 || status >= 300 || !acceptType.test(type)) {
      verdict = Verdict.NOT_WANTED;
      return new Collecting(0);
    }
    if (declared > maxBytes) {
      verdict = Verdict.DECLARED_TOO_LARGE;
      return new Collecting(0);
    }
    verdict = Verdict.READ;
    return new Collecting(maxBytes);
  }

  /** Stops reading: the deadline passed. Safe to call at any time, also before the body started. */
  void cancel() {
    cancelled = true;
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }

  /** Collects up to {@code limit} bytes; a limit of 0 means "not wanted": cancel at once and yield no bytes. */
  private final class Collecting implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    Collecting(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.set(s);
      if (limit == 0 || cancelled) {
        s.cancel();
        result.complete(new byte[0]);
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (out.size() + (long) b.remaining() > limit) {
          subscription.get().cancel();
          result.completeExceptionally(new TooLarge(limit));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
