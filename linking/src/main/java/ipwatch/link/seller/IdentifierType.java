package ipwatch.link.seller;

/** The kinds of seller identifier that connect accounts, strongest first. */
public enum IdentifierType {
  EMAIL,
  PHONE,
  BUSINESS_LICENSE,
  PAYMENT,
  STOREFRONT,
  ADDRESS,
  /** An identical product-image hash: weak alone, see {@link SellerSettings#minSharedImages()}. */
  IMAGE
}
