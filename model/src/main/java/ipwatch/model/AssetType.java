package ipwatch.model;

public enum AssetType {
  TRADEMARK,
  PATENT
}
