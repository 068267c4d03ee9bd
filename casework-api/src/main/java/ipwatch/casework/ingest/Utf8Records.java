package ipwatch.casework.ingest;

import ipwatch.model.BadRecordException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Kafka record values as text: strict UTF-8, so a damaged record is dead-lettered rather than read with U+FFFD. */
public final class Utf8Records {
  private Utf8Records() {}

  /** @throws BadRecordException when the bytes are not valid UTF-8 */
  public static String text(byte[] raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRecordException("record is not UTF-8 text");
    }
  }
}
