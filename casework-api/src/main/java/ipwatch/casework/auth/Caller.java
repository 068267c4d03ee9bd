package ipwatch.casework.auth;

/** Who is asking: the user named by the token and the organisation it acts for, as stored (not as claimed). */
public record Caller(String userId, Organisation organisation) {
  public String orgId() {
    return organisation.id();
  }

  public Role role() {
    return organisation.role();
  }
}
