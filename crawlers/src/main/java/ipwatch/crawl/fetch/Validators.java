package ipwatch.crawl.fetch;

/** What a conditional GET sends back: the ETag and Last-Modified of the copy we have. */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
