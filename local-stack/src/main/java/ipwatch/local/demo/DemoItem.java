package ipwatch.local.demo;

import ipwatch.model.FlagKind;

/**
 * Ground truth for one demo listing page: what it shows and which flag the platform should raise for it. {@code
 * expectedAssetId}/{@code expectedKind} are null when the page must not be flagged (genuine goods, accessories that
 * name a mark descriptively, unrelated goods, the real benchmark pages). {@code sellerId} is null on real pages.
 */
public record DemoItem(
    String path,
    String title,
    String brand,
    String sellerId,
    String expectedAssetId,
    FlagKind expectedKind,
    Group group) {

  /** Why the page is in the catalogue. */
  public enum Group {
    GENUINE,
    COUNTERFEIT,
    LOOKALIKE,
    ACCESSORY,
    UNRELATED,
    REAL_PAGE
  }
}
