package ipwatch.crawl;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Typed view of config/crawler.yaml (every key is documented there). Validated on creation. */
public record CrawlerSettings(
    String userAgent,
    String robotsAgent,
    Duration minDelay,
    Duration maxCrawlDelay,
    Duration robotsCacheTtl,
    int maxConcurrencyPerHost,
    int maxConcurrencyGlobal,
    Duration connectTimeout,
    Duration readTimeout,
    int retryMaxAttempts,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    long maxPageBytes,
    int maxRedirects,
    int maxDepth,
    int maxUrlLength,
    int maxRepeatedPathSegments,
    int maxQueryParams,
    List<String> htmlContentTypes,
    boolean useSitemaps,
    int maxSitemapUrls,
    boolean followLinks,
    int seenMaxEntries,
    Path evidenceDir,
    String kafkaBootstrapServers,
    String listingsTopic,
    String errorsTopic,
    Path marketplacesDir,
    Path stateDir,
    Duration recrawlAfter,
    Duration progressInterval,
    int imagesPerListing,
    String frontierTopic,
    String consumerGroup,
    int frontierPartitions,
    int maxInFlightUrls) {

  public CrawlerSettings {
    htmlContentTypes = List.copyOf(htmlContentTypes);
    positive("maxConcurrency.perHost", maxConcurrencyPerHost);
    positive("maxConcurrency.global", maxConcurrencyGlobal);
    positive("retry.maxAttempts", retryMaxAttempts);
    positive("limits.maxPageBytes", maxPageBytes);
    positive("limits.maxUrlLength", maxUrlLength);
    positive("frontier.partitions", frontierPartitions);
    positive("frontier.maxInFlight", maxInFlightUrls);
    if (recrawlAfter.isNegative() || progressInterval.isNegative() || imagesPerListing < 0) {
      throw new ConfigException("recrawl.after, progress.interval and images.maxPerListing must not be negative");
    }
    if (maxRedirects < 0 || maxDepth < 0) {
      throw new ConfigException("limits.maxRedirects and limits.maxDepth must not be negative");
    }
    if (userAgent == null || userAgent.isBlank()) {
      throw new ConfigException("userAgent must name the crawler; sites block anonymous bots");
    }
  }

  public static CrawlerSettings from(Config c) {
    return new CrawlerSettings(
        c.string("userAgent"),
        c.string("robotsAgent"),
        c.duration("politeness.minDelay"),
        c.duration("politeness.maxCrawlDelay"),
        c.duration("politeness.robotsCacheTtl"),
        c.integer("maxConcurrency.perHost"),
        c.integer("maxConcurrency.global"),
        c.duration("timeouts.connect"),
        c.duration("timeouts.read"),
        c.integer("retry.maxAttempts"),
        c.duration("retry.baseDelay"),
        c.duration("retry.maxDelay"),
        Long.parseLong(c.string("limits.maxPageBytes").trim()),
        c.integer("limits.maxRedirects"),
        c.integer("limits.maxDepth"),
        c.integer("limits.maxUrlLength"),
        c.integer("limits.maxRepeatedPathSegments"),
        c.integer("limits.maxQueryParams"),
        c.list("limits.htmlContentTypes"),
        c.bool("discovery.sitemaps"),
        c.integer("discovery.maxSitemapUrls"),
        c.bool("discovery.followLinks"),
        c.integer("seen.maxEntries"),
        Path.of(c.string("evidence.dir")),
        c.string("kafka.bootstrapServers"),
        c.string("kafka.listingsTopic"),
        c.string("kafka.errorsTopic"),
        Path.of(c.string("marketplaces.dir")),
        c.find("state.dir").filter(d -> !d.isBlank()).map(Path::of).orElse(null),
        c.find("recrawl.after").isPresent() ? c.duration("recrawl.after") : Duration.ofDays(1),
        c.find("progress.interval").isPresent() ? c.duration("progress.interval") : Duration.ofSeconds(10),
        c.find("images.maxPerListing").isPresent() ? c.integer("images.maxPerListing") : 0,
        c.find("kafka.frontierTopic").orElse(ipwatch.model.Topics.CRAWL_FRONTIER.name()),
        c.find("frontier.consumerGroup").orElse("ipwatch-crawler"),
        c.find("frontier.partitions").isPresent() ? c.integer("frontier.partitions") : 12,
        c.find("frontier.maxInFlight").isPresent() ? c.integer("frontier.maxInFlight") : 10_000);
  }

  /** A copy with other values for some keys, for tests and benchmarks (keys as in crawler.yaml). */
  public CrawlerSettings withStateDir(Path dir) {
    return new CrawlerSettings(userAgent, robotsAgent, minDelay, maxCrawlDelay, robotsCacheTtl, maxConcurrencyPerHost,
        maxConcurrencyGlobal, connectTimeout, readTimeout, retryMaxAttempts, retryBaseDelay, retryMaxDelay,
        maxPageBytes, maxRedirects, maxDepth, maxUrlLength, maxRepeatedPathSegments, maxQueryParams, htmlContentTypes,
        useSitemaps, maxSitemapUrls, followLinks, seenMaxEntries, evidenceDir, kafkaBootstrapServers, listingsTopic,
        errorsTopic, marketplacesDir, dir, recrawlAfter, progressInterval, imagesPerListing, frontierTopic,
        consumerGroup, frontierPartitions, maxInFlightUrls);
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new ConfigException("config key '" + key + "' must be positive but is " + value);
    }
  }
}
