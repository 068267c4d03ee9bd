package ipwatch.match.registry;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.match.text.Normalizer;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Marketplace categories to the Nice classes of goods they sell ({@code config/categories.yaml}). A category
 * matches every key whose words occur in it in order, so "Electronics > Headphones & Earbuds" takes the classes of
 * "electronics" and "headphones". Words are compared after normalisation and with a plural "s"/"es" removed.
 *
 * @param classesByKey normalised key words (joined by a space) to classes
 */
public record CategoryClasses(Map<String, List<Integer>> classesByKey) implements Serializable {
  /** The copy of {@code config/categories.yaml} bundled in the jar: the default when no file is configured. */
  public static final String RESOURCE = "ipwatch/match/categories.yaml";

  public CategoryClasses {
    classesByKey = Map.copyOf(new TreeMap<>(classesByKey));
  }

  public static CategoryClasses bundled() {
    return from(Config.loadResource(RESOURCE, Map.of()), RESOURCE);
  }

  /** Reads the {@code categories:} map of a categories file. */
  public static CategoryClasses from(Config file, String source) {
    JsonNode node =
        file.tree("categories").orElseThrow(() -> new ConfigException(source + " has no 'categories:' map"));
    Map<String, List<Integer>> map = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<Integer> classes = new ArrayList<>();
      for (JsonNode c : e.getValue()) {
        int nice = c.asInt(-1);
        if (nice < 1 || nice > 45) {
          throw new ConfigException(source + ": category '" + e.getKey() + "' has '" + c.asText()
              + "', but Nice classes are 1 to 45");
        }
        classes.add(nice);
      }
      map.merge(key(e.getKey()), classes, (a, b) -> {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
      });
    }
    return new CategoryClasses(map);
  }

  /** The Nice classes of the goods in this category, or empty when no key matches (unknown: nothing is gated). */
  public Optional<Set<Integer>> classesOf(String category) {
    if (category == null || category.isBlank()) {
      return Optional.empty();
    }
    List<String> words = Arrays.asList(key(category).split(" "));
    Set<Integer> classes = new TreeSet<>();
    classesByKey.forEach((k, v) -> {
      if (Collections.indexOfSubList(words, Arrays.asList(k.split(" "))) >= 0) {
        classes.addAll(v);
      }
    });
    return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
  }

  private static String key(String text) {
    List<String> out = new ArrayList<>();
    for (String w : Normalizer.normalize(text).split(" ")) {
      out.add(stem(w));
    }
    return String.join(" ", out);
  }

  /** "watches" → "watch", "shoes"/"shoe" → "sho", "phones" → "phon": crude, but the same on both sides. */
  static String stem(String w) {
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}
