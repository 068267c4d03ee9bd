package ipwatch.local.demo;

import ipwatch.model.FlagKind;

/** One generated listing page of the demo marketplace. */
record DemoProduct(
    String slug,
    String title,
    String description,
    String brand,
    String category,
    String sku,
    String gtin13,
    String price,
    String currency,
    DemoSeller seller,
    String expectedAssetId,
    FlagKind expectedKind,
    DemoItem.Group group) {

  String path() {
    return "/p/" + slug;
  }

  DemoItem item() {
    return new DemoItem(path(), title, brand, seller.sellerId(), expectedAssetId, expectedKind, group);
  }
}
