package ipwatch.link.seller;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Postal addresses as a sorted bag of canonical words: accents, case and punctuation dropped, common street words
 * abbreviated one way. Sorting makes "12 Main Street" and "Main St. 12" equal; the price is that two addresses
 * with the same words in another order are equal too, which for whole addresses (number, street, postcode, city)
 * practically never happens by chance.
 */
final class AddressNormalizer {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("strasse", "st"), Map.entry("straße", "st"),
      Map.entry("road", "rd"), Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("boulevard", "blvd"),
      Map.entry("drive", "dr"), Map.entry("lane", "ln"), Map.entry("place", "pl"), Map.entry("square", "sq"),
      Map.entry("suite", "ste"), Map.entry("floor", "fl"), Map.entry("building", "bldg"), Map.entry("room", "rm"),
      Map.entry("apartment", "apt"), Map.entry("unit", "unit"), Map.entry("number", "no"), Map.entry("nr", "no"),
      Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
      Map.entry("district", "dist"), Map.entry("province", "prov"), Map.entry("united", "united"));

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern STREET_SUFFIX = Pattern.compile("([a-z])(strasse|str\\.?)\\b");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private AddressNormalizer() {}

  static Optional<String> normalize(String raw) {
    String s = MARKS.matcher(Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)).replaceAll("")
        .replace("ß", "ss");
    s = STREET_SUFFIX.matcher(s).replaceAll("$1 st");
    s = SEPARATORS.matcher(s).replaceAll(" ").strip();
    String[] words = s.isEmpty() ? new String[0] : s.split(" ");
    String out = Arrays.stream(words).map(w -> WORDS.getOrDefault(w, w)).sorted().collect(Collectors.joining(" "));
    boolean hasNumber = out.chars().anyMatch(Character::isDigit);
    return words.length < 3 || !hasNumber ? Optional.empty() : Optional.of(out);
  }
}
