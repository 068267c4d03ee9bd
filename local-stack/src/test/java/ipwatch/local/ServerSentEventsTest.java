package ipwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
  private static List<ServerSentEvents.Event> read(ServerSentEvents parser, String... lines) {
    List<ServerSentEvents.Event> out = new ArrayList<>();
    for (String l : lines) {
      ServerSentEvents.Event e = parser.line(l);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void aBlankLineCompletesAnEventWithItsIdNameAndData() {
    List<ServerSentEvents.Event> events = read(new ServerSentEvents(), "retry: 3000", ": connected", "",
        "id: 41", "event: case.updated", "data: {\"caseId\":\"c-1\"}", "");
    assertEquals(List.of(new ServerSentEvents.Event("41", "case.updated", "{\"caseId\":\"c-1\"}")), events);
  }

  @Test
  void commentsAndAFrameWithoutDataProduceNoEvent() {
    ServerSentEvents parser = new ServerSentEvents();
    assertEquals(List.of(), read(parser, ": heartbeat", "", "event: ping", ""));
    // the name of the data-less frame does not leak into the next event
    assertEquals("message", read(parser, "data: x", "").get(0).name());
  }

  @Test
  void dataLinesJoinWithALineFeedAndTheSpaceAfterTheColonIsOptional() {
    List<ServerSentEvents.Event> events = read(new ServerSentEvents(), "data:first", "data:  second", "");
    assertEquals("first\n second", events.get(0).data());
  }

  @Test
  void theLastIdCarriesOverToLaterEventsAndIsWhatAReconnectSends() {
    ServerSentEvents parser = new ServerSentEvents();
    List<ServerSentEvents.Event> events = read(parser, "id: 7", "data: a", "", "data: b", "");
    assertEquals("7", events.get(1).id());
    assertEquals("7", parser.lastId());
    assertNull(parser.line("id: 8"));
    assertEquals("8", parser.lastId());
  }
}
