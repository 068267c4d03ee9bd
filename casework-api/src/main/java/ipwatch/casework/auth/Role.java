package ipwatch.casework.auth;

/** What an organisation is to the system; decides which cases it may see (see {@code cases.PartyScope}). */
public enum Role {
  REGULATOR,
  COURT,
  RIGHTS_HOLDER,
  PLATFORM,
  ADMIN
}
