package ipwatch.local.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the demo marketplace sells, and the ground truth the end-to-end tests and the demo check flags against.
 * Generated deterministically from the demo registry (same registry, same catalogue).
 */
public final class DemoCatalogue {
  public static final String MARKETPLACE = "demo-market";
  private final Map<String, DemoProduct> products = new LinkedHashMap<>();
  private final List<RealProductPages.RealPage> realPages;

  DemoCatalogue(List<DemoProduct> products, List<RealProductPages.RealPage> realPages) {
    products.forEach(p -> this.products.put(p.path(), p));
    this.realPages = List.copyOf(realPages);
  }

  /** Every listing page: the generated ones first, then the real benchmark pages. */
  public List<DemoItem> items() {
    List<DemoItem> out = new ArrayList<>();
    products.values().forEach(p -> out.add(p.item()));
    realPages.forEach(r -> out.add(r.item()));
    return Collections.unmodifiableList(out);
  }

  public List<DemoItem> items(DemoItem.Group group) {
    return items().stream().filter(i -> i.group() == group).toList();
  }

  public Optional<DemoItem> item(String path) {
    return items().stream().filter(i -> i.path().equals(path)).findFirst();
  }

  List<DemoProduct> products() {
    return List.copyOf(products.values());
  }

  Optional<DemoProduct> product(String path) {
    return Optional.ofNullable(products.get(path));
  }

  List<RealProductPages.RealPage> realPages() {
    return realPages;
  }

  List<String> categories() {
    return products.values().stream().map(DemoProduct::category).distinct().toList();
  }
}
