package ipwatch.local;

/**
 * Turns the lines of a {@code text/event-stream} into events, as the HTML living standard's event-stream
 * interpretation does: {@code field: value} lines (one optional space after the colon) build an event, a blank line
 * completes it, comment lines ({@code :} first) and unknown fields are skipped, several {@code data} lines join with a
 * line feed, and the last {@code id} seen stays the stream's id for the events after it.
 */
public final class ServerSentEvents {
  /** One complete event; {@code id} is the stream's last event id (empty when none was sent yet). */
  public record Event(String id, String name, String data) {}

  private String lastId = "";
  private String name = "";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /** Feeds one line (without its line ending); answers the event a blank line completes, otherwise null. */
  public Event line(String line) {
    if (line.isEmpty()) {
      Event done = hasData ? new Event(lastId, name.isEmpty() ? "message" : name, data.toString()) : null;
      name = "";
      data.setLength(0);
      hasData = false;
      return done;
    }
    if (line.startsWith(":")) {
      return null;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastId = value;
        }
      }
      default -> { }
    }
    return null;
  }

  /** The id a reconnecting client sends as {@code Last-Event-ID} (empty when none). */
  public String lastId() {
    return lastId;
  }
}
