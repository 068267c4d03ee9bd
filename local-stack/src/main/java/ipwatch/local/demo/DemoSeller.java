package ipwatch.local.demo;

/** A shop on the demo marketplace, with the identifiers seller linking can use. */
record DemoSeller(String handle, String name, String email, String phone) {
  String sellerId() {
    return DemoCatalogue.MARKETPLACE + ":" + handle;
  }
}
