package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.proto.ExpressionProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression trees to and from {@code ExpressionProto}: {@link ExpressionEncoder} walks the tree with a
 * visitor, {@link ExpressionDecoder} switches on the oneof. The helpers for the typed lists plans hold
 * (attributes, sort orders, aggregate calls) live here so both plan converters share one form.
 */
public final class ExpressionSerde {
  private ExpressionSerde() {}

  public static byte[] toBytes(Expression e) {
    return toProto(e).toByteArray();
  }

  public static Expression fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, ExpressionProto.parser(), "ExpressionProto"));
  }

  static ExpressionProto toProto(Expression e) {
    return e.accept(ExpressionEncoder.INSTANCE);
  }

  static Expression fromProto(ExpressionProto p) {
    return ExpressionDecoder.decode(p);
  }

  static List<ExpressionProto> toProtos(List<? extends Expression> es) {
    List<ExpressionProto> out = new ArrayList<>(es.size());
    for (Expression e : es) {
      out.add(toProto(e));
    }
    return out;
  }

  static List<Expression> fromProtos(List<ExpressionProto> ps) {
    List<Expression> out = new ArrayList<>(ps.size());
    for (ExpressionProto p : ps) {
      out.add(fromProto(p));
    }
    return out;
  }

  static ExpressionProto.AttributeReference attributeToProto(AttributeReference a) {
    return ExpressionProto.AttributeReference.newBuilder().setName(a.name())
        .setDataType(TypeSerde.toProto(a.dataType())).setNullable(a.nullable()).setExprId(a.exprId().id())
        .addAllQualifier(a.qualifier()).build();
  }

  static AttributeReference attributeFromProto(ExpressionProto.AttributeReference p) {
    return new AttributeReference(p.getName(), TypeSerde.fromProto(p.getDataType()), p.getNullable(),
        new ExprId(p.getExprId()), p.getQualifierList());
  }

  static List<ExpressionProto.AttributeReference> attributesToProto(List<AttributeReference> as) {
    List<ExpressionProto.AttributeReference> out = new ArrayList<>(as.size());
    for (AttributeReference a : as) {
      out.add(attributeToProto(a));
    }
    return out;
  }

  static List<AttributeReference> attributesFromProto(List<ExpressionProto.AttributeReference> ps) {
    List<AttributeReference> out = new ArrayList<>(ps.size());
    for (ExpressionProto.AttributeReference p : ps) {
      out.add(attributeFromProto(p));
    }
    return out;
  }

  static ExpressionProto.SortOrder sortOrderToProto(SortOrder s) {
    return ExpressionProto.SortOrder.newBuilder().setChild(toProto(s.child()))
        .setDirection(EnumSerde.toProto(s.direction())).setNullOrdering(EnumSerde.toProto(s.nullOrdering())).build();
  }

  static SortOrder sortOrderFromProto(ExpressionProto.SortOrder p) {
    return new SortOrder(fromProto(p.getChild()), EnumSerde.fromProto(p.getDirection()),
        EnumSerde.fromProto(p.getNullOrdering()));
  }

  static List<ExpressionProto.SortOrder> sortOrdersToProto(List<SortOrder> orders) {
    List<ExpressionProto.SortOrder> out = new ArrayList<>(orders.size());
    for (SortOrder s : orders) {
      out.add(sortOrderToProto(s));
    }
    return out;
  }

  static List<SortOrder> sortOrdersFromProto(List<ExpressionProto.SortOrder> ps) {
    List<SortOrder> out = new ArrayList<>(ps.size());
    for (ExpressionProto.SortOrder p : ps) {
      out.add(sortOrderFromProto(p));
    }
    return out;
  }

  static ExpressionProto.AggregateCall aggregateCallToProto(AggregateCall c) {
    return ExpressionProto.AggregateCall.newBuilder().setFunction(EnumSerde.toProto(c.function()))
        .addAllArgs(toProtos(c.args())).setDistinct(c.distinct()).setIgnoreNulls(c.ignoreNulls()).build();
  }

  static AggregateCall aggregateCallFromProto(ExpressionProto.AggregateCall p) {
    return PlanDecodingException.whileBuilding("ExpressionProto.AggregateCall", () -> new AggregateCall(
        EnumSerde.fromProto(p.getFunction()), fromProtos(p.getArgsList()), p.getDistinct(), p.getIgnoreNulls()));
  }

  static List<ExpressionProto.AggregateCall> aggregateCallsToProto(List<AggregateCall> calls) {
    List<ExpressionProto.AggregateCall> out = new ArrayList<>(calls.size());
    for (AggregateCall c : calls) {
      out.add(aggregateCallToProto(c));
    }
    return out;
  }

  static List<AggregateCall> aggregateCallsFromProto(List<ExpressionProto.AggregateCall> ps) {
    List<AggregateCall> out = new ArrayList<>(ps.size());
    for (ExpressionProto.AggregateCall p : ps) {
      out.add(aggregateCallFromProto(p));
    }
    return out;
  }
}
