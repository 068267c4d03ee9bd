package ipwatch.link.dup;

import ipwatch.model.Image;
import ipwatch.model.Listing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds {@link ListingProfile}s. Shingles are the distinct words of title and the start of the description, plus
 * each model number {@code modelNumberWeight} times (as distinct shingles), so that a shared model number weighs in
 * the MinHash like several shared words and a relisting with reworded text still collides.
 */
public final class Profiler {
  static final int TITLE_WORDS = 40;
  static final int TEXT_WORDS = 60;
  private final MinHasher hasher;
  private final int modelNumberWeight;

  public Profiler(DuplicateSettings settings) {
    this.hasher = new MinHasher(settings.bands() * settings.rows(), 0x1d5e_a5e5L);
    this.modelNumberWeight = settings.modelNumberWeight();
  }

  public ListingProfile profile(Listing listing, String sellerCluster) {
    String title = listing.title() == null ? "" : listing.title();
    String brand = listing.brand() == null || title.toLowerCase(Locale.ROOT)
        .contains(listing.brand().toLowerCase(Locale.ROOT)) ? "" : listing.brand() + " ";
    String description = listing.description() == null ? "" : listing.description();
    List<String> titleWords = Tokens.words(brand + title, TITLE_WORDS);
    List<String> textWords = new ArrayList<>(titleWords);
    textWords.addAll(Tokens.words(description, TEXT_WORDS));
    String identifiers = String.join(" ", nonNull(listing.mpn()), nonNull(listing.sku()));
    ModelNumbers titleModels = ModelNumbers.of(brand + title + " " + nonNull(listing.mpn()), TITLE_WORDS);
    ModelNumbers textModels = ModelNumbers.of(title + " " + identifiers + " " + description, TITLE_WORDS + TEXT_WORDS);
    Set<String> shingles = new HashSet<>(textWords);
    for (String m : textModels.strong()) {
      for (int i = 0; i < modelNumberWeight; i++) {
        shingles.add("#" + i + ":" + m);
      }
    }
    Set<String> images = new HashSet<>();
    for (Image image : listing.images()) {
      if (image.sha256() != null && !image.sha256().isBlank()) {
        images.add(image.sha256().toLowerCase(Locale.ROOT));
      }
    }
    return new ListingProfile(listing.listingId(), sellerCluster, titleWords, textWords, titleModels, textModels,
        hasher.signature(shingles), images);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
