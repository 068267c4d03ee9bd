package ipwatch.model.config;

/** A setting is missing or malformed; raised at start-up so a service fails fast with the key's name. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
