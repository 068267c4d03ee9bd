package ipwatch.casework.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./ipwatch verify-evidence bundle.zip}: checks an evidence bundle exported by
 * {@code GET /api/cases/{id}/evidence/export} without any service. Exit 0 = intact, 1 = tampered (each problem
 * printed with its item), 2 = the file cannot be read.
 */
public final class VerifyEvidenceMain {
  private VerifyEvidenceMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: verify-evidence <bundle.zip>");
      return 2;
    }
    BundleVerifier.Report r;
    try {
      r = BundleVerifier.verify(Files.readAllBytes(Path.of(args[0])));
    } catch (IOException e) {
      System.err.println("cannot read " + args[0] + ": " + e.getMessage());
      return 2;
    }
    r.notes().forEach(n -> System.out.println("note: " + n));
    if (r.ok()) {
      System.out.println("OK: " + r.items() + " evidence items, chain intact, head " + r.chainHead());
      return 0;
    }
    r.problems().forEach(p -> System.out.println("TAMPERED: " + p));
    return 1;
  }
}
