import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Utils;

/**
 * Prints test/fixtures/murmur2-vectors.json: Kafka's own murmur2 hash and keyed-record partition for
 * a fixed set of keys, computed by the Java client (kafka-clients jar fetched by infra/kafka/pom.xml).
 * Regenerate with `make murmur2-vectors`.
 */
public final class Murmur2Vectors {
  private static final int[] PARTITION_COUNTS = {6, 12, 20};

  public static void main(String[] args) {
    // A set: the named keys also occur in the generated ranges, and each key is listed once.
    LinkedHashSet<String> keySet = new LinkedHashSet<>();
    for (String k : new String[] {"v_1", "v_999", "v_1023", "u_8812", "", "a", "ab", "abc", "abcd", "abcde",
        "abcdef", "abcdefg", "abcdefgh", "é", "日本語", "video-🎬", "ümlaut_ß", "\u0000", "key with spaces"}) {
      keySet.add(k);
    }
    for (int i = 0; i < 200; i++) keySet.add("v_" + i);
    for (int i = 8800; i < 8830; i++) keySet.add("u_" + i);
    keySet.add("x".repeat(257));
    keySet.add("video_" + "0123456789".repeat(30));
    keySet.add("ключ-".repeat(40));

    // Raw byte arrays whose tails hold bytes >= 0x80, where Java's signed bytes matter.
    List<byte[]> raw = new ArrayList<>();
    for (int len = 1; len <= 8; len++) {
      byte[] b = new byte[len];
      for (int i = 0; i < len; i++) b[i] = (byte) (0xff - 17 * i);
      raw.add(b);
    }
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) all[i] = (byte) i;
    raw.add(all);

    List<String> keys = new ArrayList<>(keySet);
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"source\": \"infra/kafka/vectors/Murmur2Vectors.java: org.apache.kafka.common.utils.Utils.murmur2 and ")
        .append("BuiltInPartitioner.partitionForKey from kafka-clients ").append(AppInfoParser.getVersion()).append("\",\n");
    out.append("  \"partitionCounts\": [6, 12, 20],\n");
    out.append("  \"keys\": [\n");
    for (int k = 0; k < keys.size(); k++) {
      byte[] bytes = keys.get(k).getBytes(StandardCharsets.UTF_8);
      out.append("    {\"key\": ").append(jsonString(keys.get(k)));
      appendHashes(out, bytes);
      out.append(k + 1 < keys.size() ? "},\n" : "}\n");
    }
    out.append("  ],\n");
    out.append("  \"bytes\": [\n");
    for (int r = 0; r < raw.size(); r++) {
      out.append("    {\"hex\": \"").append(hex(raw.get(r))).append('"');
      appendHashes(out, raw.get(r));
      out.append(r + 1 < raw.size() ? "},\n" : "}\n");
    }
    out.append("  ]\n}\n");
    System.out.print(out);
  }

  private static void appendHashes(StringBuilder out, byte[] bytes) {
    out.append(", \"murmur2\": ").append(Utils.murmur2(bytes));
    out.append(", \"partitions\": {");
    for (int p = 0; p < PARTITION_COUNTS.length; p++) {
      int n = PARTITION_COUNTS[p];
      out.append(p > 0 ? ", " : "").append('"').append(n).append("\": ").append(BuiltInPartitioner.partitionForKey(bytes, n));
    }
    out.append('}');
  }

  // Non-ASCII is written as \\u escapes so the fixture stays ASCII and byte-exact in any editor.
  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) b.append(String.format("%02x", x & 0xff));
    return b.toString();
  }
}
