package ipwatch.crawl;

/**
 * One URL to crawl on the {@code crawl-frontier} topic (JSON value, keyed by host so that one host is always in one
 * partition and therefore with one crawler instance). {@code depth} is link hops from a seed or sitemap entry; a
 * {@code seed} is always asked again (conditionally) and has its sitemaps read.
 */
public record FrontierEntry(String url, int depth, boolean seed) {}
