package ipwatch.casework.evidence;

/** Lets tests in other packages run the verifier's main logic without System.exit. */
public final class VerifyEvidenceMainAccess {
  private VerifyEvidenceMainAccess() {}

  public static int run(String file) {
    return VerifyEvidenceMain.run(new String[] {file});
  }
}
