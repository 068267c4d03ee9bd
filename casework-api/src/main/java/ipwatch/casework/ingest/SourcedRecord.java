package ipwatch.casework.ingest;

/**
 * One raw record of the infringements topic and where it came from.
 *
 * @param source unique per record (topic/partition/offset): the key of its dead letter, named in its case's audit event
 * @param raw the record's value as read, possibly null (a tombstone) or not a Flag at all
 */
public record SourcedRecord(String source, byte[] raw) {}
