package ipwatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: full digests for evidence, 128-bit prefixes for stable record ids. */
public final class Hashes {
  private Hashes() {}

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** 32 hex characters (128 bits) of SHA-256: enough to never collide for ids, short enough for a URL. */
  public static String shortId(String naturalKey) {
    return sha256Hex(naturalKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
