package dev.quiver.planner.serde;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;

/** Parses generated messages from bytes with a nesting limit that fits real plans. */
final class ProtoBytes {
  /**
   * Protobuf's default limit of 100 nested messages is about 50 plan or expression levels (each level is a
   * node message inside its oneof wrapper), which a loop of {@code withColumn} calls or a long chain of
   * {@code OR}s reaches. This allows about a thousand levels while still bounding the parser's stack use
   * on hostile input.
   */
  static final int RECURSION_LIMIT = 2048;

  private ProtoBytes() {}

  static <T> T parse(byte[] bytes, Parser<T> parser, String messageName) {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    in.setRecursionLimit(RECURSION_LIMIT);
    try {
      return parser.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new PlanDecodingException(messageName + " is not valid protobuf (" + e.getMessage() + ")", e);
    }
  }
}
