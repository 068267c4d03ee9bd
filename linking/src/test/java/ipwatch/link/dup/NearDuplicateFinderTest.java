package ipwatch.link.dup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.link.seller.SellerSettings;
import ipwatch.model.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicateFinderTest {
  private static final List<Listing> BACKGROUND = List.of(
      Fixtures.listing("bg1", "Samsung 32in LED monitor S32R", "flat screen office monitor hdmi"),
      Fixtures.listing("bg2", "Logitech wireless mouse M185 grey", "compact mouse with usb receiver"),
      Fixtures.listing("bg3", "Bosch cordless drill GSR 12V-15", "two batteries charger and case"),
      Fixtures.listing("bg4", "Philips electric toothbrush HX6730", "sonic toothbrush with travel case"),
      Fixtures.listing("bg5", "Canon PowerShot SX620 HS digital camera", "25x optical zoom wifi compact camera"));

  private static List<DuplicatePair> pairs(Listing... listings) {
    List<Listing> all = new ArrayList<>(BACKGROUND);
    all.addAll(List.of(listings));
    List<DuplicatePair> out = new ArrayList<>();
    new NearDuplicates(DuplicateSettings.defaults(), SellerSettings.defaults()).run(all, out::add);
    return out;
  }

  private static Set<String> ids(DuplicatePair p) {
    return Set.of(p.a(), p.b());
  }

  @Test
  void aRelistingWithChangedWordingIsFoundAndAnUnrelatedProductIsNot() {
    Listing original = Fixtures.listing("taken-down", "Sony Bravia KDL-40V2500 40 inch LCD HDTV black",
        "full HD 1080p television with three HDMI inputs, wall mount ready");
    Listing relisted = Fixtures.listing("relisted", "NEW Sony KDL40V2500 Bravia 40\" LCD TV - black, full HD",
        "television 1080p, 3 x HDMI, ready for wall mounting, fast shipping");
    Listing unrelated = Fixtures.listing("other", "Nikon Coolpix P6000 13.5 megapixel camera",
        "compact camera with wide angle lens and GPS");

    List<DuplicatePair> pairs = pairs(original, relisted, unrelated);

    assertEquals(1, pairs.size(), pairs.toString());
    assertEquals(Set.of("taken-down", "relisted"), ids(pairs.get(0)));
  }

  @Test
  void minHashCandidatesFindAReworderedCopyWithoutAModelNumber() {
    Listing a = Fixtures.listing("a", "handmade leather wallet slim bifold brown cowhide",
        "genuine cowhide leather slim bifold wallet with coin pocket and gift box");
    Listing b = Fixtures.listing("b", "slim bifold wallet genuine brown cowhide leather handmade",
        "handmade slim wallet, genuine cowhide leather, coin pocket, comes in a gift box");
    assertTrue(pairs(a, b).stream().anyMatch(p -> ids(p).equals(Set.of("a", "b"))));
  }

  @Test
  void aModelNumberConflictKeepsTwoOtherwiseIdenticalListingsApart() {
    Listing forty = Fixtures.listing("40", "Sony Bravia KDL-40V2500 LCD HDTV black", "full HD television");
    Listing fortySix = Fixtures.listing("46", "Sony Bravia KDL-46V2500 LCD HDTV black", "full HD television");
    assertFalse(pairs(forty, fortySix).stream().anyMatch(p -> ids(p).equals(Set.of("40", "46"))));
  }

  @Test
  void modelNumbersIgnoreUnitsAndAgreeAcrossPunctuationAndColourSuffixes() {
    ModelNumbers a = ModelNumbers.of("Panasonic Lumix DMC-FZ28 8GB 1080p", 40);
    ModelNumbers b = ModelNumbers.of("panasonic dmcfz28k black", 40);
    assertEquals(Set.of("dmcfz28"), a.strong());
    assertEquals(1.0, a.agreement(b));
    assertEquals(0.0, ModelNumbers.of("apple ipod 8gb", 40).agreement(ModelNumbers.of("zune 8gb", 40)));
  }
}
