package dev.quiver.bench.tpch;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.countDistinct;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.max;
import static dev.quiver.sql.functions.min;
import static dev.quiver.sql.functions.not;
import static dev.quiver.sql.functions.substring;
import static dev.quiver.sql.functions.sum;
import static dev.quiver.sql.functions.when;
import static dev.quiver.sql.functions.year;

import dev.quiver.sql.Column;
import dev.quiver.sql.DataFrame;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The 22 TPC-H queries in Quiver's DataFrame API, written as a Spark user writes them with Spark's Dataset
 * API, with the specification's validation parameters. Subqueries are written the way Spark decorrelates
 * them: scalar subqueries as a join (or cross join) against a one-row or per-key aggregate, EXISTS / IN as
 * left semi joins, NOT EXISTS / NOT IN (over non-null keys) as left anti joins. Each query's SQL text (for
 * DuckDB and Spark) is in {@code resources/tpch/qNN.sql}.
 */
public final class TpchQueries {
  private TpchQueries() {}

  /** Query names in order: q1 .. q22. */
  public static Map<String, Function<TpchTables, DataFrame>> all() {
    Map<String, Function<TpchTables, DataFrame>> queries = new LinkedHashMap<>();
    queries.put("q1", TpchQueries::q1);
    queries.put("q2", TpchQueries::q2);
    queries.put("q3", TpchQueries::q3);
    queries.put("q4", TpchQueries::q4);
    queries.put("q5", TpchQueries::q5);
    queries.put("q6", TpchQueries::q6);
    queries.put("q7", TpchQueries::q7);
    queries.put("q8", TpchQueries::q8);
    queries.put("q9", TpchQueries::q9);
    queries.put("q10", TpchQueries::q10);
    queries.put("q11", TpchQueries::q11);
    queries.put("q12", TpchQueries::q12);
    queries.put("q13", TpchQueries::q13);
    queries.put("q14", TpchQueries::q14);
    queries.put("q15", TpchQueries::q15);
    queries.put("q16", TpchQueries::q16);
    queries.put("q17", TpchQueries::q17);
    queries.put("q18", TpchQueries::q18);
    queries.put("q19", TpchQueries::q19);
    queries.put("q20", TpchQueries::q20);
    queries.put("q21", TpchQueries::q21);
    queries.put("q22", TpchQueries::q22);
    return queries;
  }

  private static Column date(String isoDate) {
    return lit(LocalDate.parse(isoDate));
  }

  /** l_extendedprice * (1 - l_discount): the discounted price most queries sum. */
  private static Column discountedPrice() {
    return col("l_extendedprice").multiply(lit(1).minus(col("l_discount")));
  }

  private static Column between(String column, String fromInclusive, String toExclusive) {
    return col(column).geq(date(fromInclusive)).and(col(column).lt(date(toExclusive)));
  }

  static DataFrame q1(TpchTables t) {
    return t.lineitem().filter(col("l_shipdate").leq(date("1998-09-02")))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(sum("l_quantity").as("sum_qty"), sum("l_extendedprice").as("sum_base_price"),
            sum(discountedPrice()).as("sum_disc_price"),
            sum(discountedPrice().multiply(lit(1).plus(col("l_tax")))).as("sum_charge"),
            avg("l_quantity").as("avg_qty"), avg("l_extendedprice").as("avg_price"),
            avg("l_discount").as("avg_disc"), count("*").as("count_order"))
        .orderBy("l_returnflag", "l_linestatus");
  }

  static DataFrame q2(TpchTables t) {
    DataFrame europeanOffers = t.region().filter(col("r_name").equalTo("EUROPE"))
        .join(t.nation(), col("r_regionkey").equalTo(col("n_regionkey")))
        .join(t.supplier(), col("n_nationkey").equalTo(col("s_nationkey")))
        .join(t.partsupp(), col("s_suppkey").equalTo(col("ps_suppkey")));
    DataFrame cheapest = europeanOffers.groupBy(col("ps_partkey").as("min_partkey"))
        .agg(min("ps_supplycost").as("min_supplycost"));
    return t.part().filter(col("p_size").equalTo(15).and(col("p_type").like("%BRASS")))
        .join(europeanOffers, col("p_partkey").equalTo(col("ps_partkey")))
        .join(cheapest, col("p_partkey").equalTo(col("min_partkey"))
            .and(col("ps_supplycost").equalTo(col("min_supplycost"))))
        .select(col("s_acctbal"), col("s_name"), col("n_name"), col("p_partkey"), col("p_mfgr"),
            col("s_address"), col("s_phone"), col("s_comment"))
        .orderBy(col("s_acctbal").desc(), col("n_name"), col("s_name"), col("p_partkey"))
        .limit(100);
  }

  static DataFrame q3(TpchTables t) {
    return t.customer().filter(col("c_mktsegment").equalTo("BUILDING"))
        .join(t.orders().filter(col("o_orderdate").lt(date("1995-03-15"))),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(t.lineitem().filter(col("l_shipdate").gt(date("1995-03-15"))),
            col("l_orderkey").equalTo(col("o_orderkey")))
        .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
        .agg(sum(discountedPrice()).as("revenue"))
        .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
        .orderBy(col("revenue").desc(), col("o_orderdate"))
        .limit(10);
  }

  static DataFrame q4(TpchTables t) {
    return t.orders().filter(between("o_orderdate", "1993-07-01", "1993-10-01"))
        .join(t.lineitem().filter(col("l_commitdate").lt(col("l_receiptdate"))),
            col("o_orderkey").equalTo(col("l_orderkey")), "left_semi")
        .groupBy("o_orderpriority")
        .agg(count("*").as("order_count"))
        .orderBy("o_orderpriority");
  }

  static DataFrame q5(TpchTables t) {
    return t.customer()
        .join(t.orders().filter(between("o_orderdate", "1994-01-01", "1995-01-01")),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(t.lineitem(), col("l_orderkey").equalTo(col("o_orderkey")))
        .join(t.supplier(), col("l_suppkey").equalTo(col("s_suppkey"))
            .and(col("c_nationkey").equalTo(col("s_nationkey"))))
        .join(t.nation(), col("s_nationkey").equalTo(col("n_nationkey")))
        .join(t.region().filter(col("r_name").equalTo("ASIA")), col("n_regionkey").equalTo(col("r_regionkey")))
        .groupBy("n_name")
        .agg(sum(discountedPrice()).as("revenue"))
        .orderBy(col("revenue").desc());
  }

  static DataFrame q6(TpchTables t) {
    return t.lineitem()
        .filter(between("l_shipdate", "1994-01-01", "1995-01-01")
            .and(col("l_discount").between(0.05, 0.07))
            .and(col("l_quantity").lt(24)))
        .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue"));
  }

  static DataFrame q7(TpchTables t) {
    DataFrame supplierNation = t.nation().filter(col("n_name").isin("FRANCE", "GERMANY"))
        .select(col("n_nationkey").as("supp_nationkey"), col("n_name").as("supp_nation"));
    DataFrame customerNation = t.nation().filter(col("n_name").isin("FRANCE", "GERMANY"))
        .select(col("n_nationkey").as("cust_nationkey"), col("n_name").as("cust_nation"));
    return t.supplier()
        .join(t.lineitem().filter(col("l_shipdate").between(date("1995-01-01"), date("1996-12-31"))),
            col("s_suppkey").equalTo(col("l_suppkey")))
        .join(t.orders(), col("o_orderkey").equalTo(col("l_orderkey")))
        .join(t.customer(), col("c_custkey").equalTo(col("o_custkey")))
        .join(supplierNation, col("s_nationkey").equalTo(col("supp_nationkey")))
        .join(customerNation, col("c_nationkey").equalTo(col("cust_nationkey")))
        .filter(col("supp_nation").equalTo("FRANCE").and(col("cust_nation").equalTo("GERMANY"))
            .or(col("supp_nation").equalTo("GERMANY").and(col("cust_nation").equalTo("FRANCE"))))
        .select(col("supp_nation"), col("cust_nation"), year(col("l_shipdate")).as("l_year"),
            discountedPrice().as("volume"))
        .groupBy("supp_nation", "cust_nation", "l_year")
        .agg(sum("volume").as("revenue"))
        .orderBy("supp_nation", "cust_nation", "l_year");
  }

  static DataFrame q8(TpchTables t) {
    DataFrame americanNations = t.region().filter(col("r_name").equalTo("AMERICA"))
        .join(t.nation(), col("r_regionkey").equalTo(col("n_regionkey")))
        .select(col("n_nationkey").as("cust_nationkey"));
    DataFrame supplierNation = t.nation().select(col("n_nationkey").as("supp_nationkey"), col("n_name").as("nation"));
    return t.part().filter(col("p_type").equalTo("ECONOMY ANODIZED STEEL"))
        .join(t.lineitem(), col("p_partkey").equalTo(col("l_partkey")))
        .join(t.supplier(), col("s_suppkey").equalTo(col("l_suppkey")))
        .join(t.orders().filter(col("o_orderdate").between(date("1995-01-01"), date("1996-12-31"))),
            col("l_orderkey").equalTo(col("o_orderkey")))
        .join(t.customer(), col("o_custkey").equalTo(col("c_custkey")))
        .join(americanNations, col("c_nationkey").equalTo(col("cust_nationkey")))
        .join(supplierNation, col("s_nationkey").equalTo(col("supp_nationkey")))
        .select(year(col("o_orderdate")).as("o_year"), discountedPrice().as("volume"), col("nation"))
        .groupBy("o_year")
        .agg(sum(when(col("nation").equalTo("BRAZIL"), col("volume")).otherwise(0))
            .divide(sum("volume")).as("mkt_share"))
        .orderBy("o_year");
  }

  static DataFrame q9(TpchTables t) {
    return t.part().filter(col("p_name").like("%green%"))
        .join(t.lineitem(), col("p_partkey").equalTo(col("l_partkey")))
        .join(t.supplier(), col("s_suppkey").equalTo(col("l_suppkey")))
        .join(t.partsupp(), col("ps_suppkey").equalTo(col("l_suppkey"))
            .and(col("ps_partkey").equalTo(col("l_partkey"))))
        .join(t.orders(), col("o_orderkey").equalTo(col("l_orderkey")))
        .join(t.nation(), col("s_nationkey").equalTo(col("n_nationkey")))
        .select(col("n_name").as("nation"), year(col("o_orderdate")).as("o_year"),
            discountedPrice().minus(col("ps_supplycost").multiply(col("l_quantity"))).as("amount"))
        .groupBy("nation", "o_year")
        .agg(sum("amount").as("sum_profit"))
        .orderBy(col("nation"), col("o_year").desc());
  }

  static DataFrame q10(TpchTables t) {
    return t.customer()
        .join(t.orders().filter(between("o_orderdate", "1993-10-01", "1994-01-01")),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(t.lineitem().filter(col("l_returnflag").equalTo("R")), col("l_orderkey").equalTo(col("o_orderkey")))
        .join(t.nation(), col("c_nationkey").equalTo(col("n_nationkey")))
        .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(sum(discountedPrice()).as("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .orderBy(col("revenue").desc())
        .limit(20);
  }

  static DataFrame q11(TpchTables t) {
    DataFrame germanStock = t.partsupp()
        .join(t.supplier(), col("ps_suppkey").equalTo(col("s_suppkey")))
        .join(t.nation().filter(col("n_name").equalTo("GERMANY")), col("s_nationkey").equalTo(col("n_nationkey")))
        .select(col("ps_partkey"), col("ps_supplycost").multiply(col("ps_availqty")).as("stock_value"));
    DataFrame threshold = germanStock.agg(sum("stock_value").multiply(0.0001).as("threshold"));
    return germanStock.groupBy("ps_partkey")
        .agg(sum("stock_value").as("value"))
        .crossJoin(threshold)
        .filter(col("value").gt(col("threshold")))
        .select("ps_partkey", "value")
        .orderBy(col("value").desc());
  }

  static DataFrame q12(TpchTables t) {
    Column highPriority = col("o_orderpriority").equalTo("1-URGENT").or(col("o_orderpriority").equalTo("2-HIGH"));
    return t.lineitem()
        .filter(col("l_shipmode").isin("MAIL", "SHIP")
            .and(col("l_commitdate").lt(col("l_receiptdate")))
            .and(col("l_shipdate").lt(col("l_commitdate")))
            .and(between("l_receiptdate", "1994-01-01", "1995-01-01")))
        .join(t.orders(), col("o_orderkey").equalTo(col("l_orderkey")))
        .groupBy("l_shipmode")
        .agg(sum(when(highPriority, 1).otherwise(0)).as("high_line_count"),
            sum(when(not(highPriority), 1).otherwise(0)).as("low_line_count"))
        .orderBy("l_shipmode");
  }

  static DataFrame q13(TpchTables t) {
    return t.customer()
        .join(t.orders().filter(not(col("o_comment").like("%special%requests%"))),
            col("c_custkey").equalTo(col("o_custkey")), "left_outer")
        .groupBy("c_custkey")
        .agg(count("o_orderkey").as("c_count"))
        .groupBy("c_count")
        .agg(count("*").as("custdist"))
        .orderBy(col("custdist").desc(), col("c_count").desc());
  }

  static DataFrame q14(TpchTables t) {
    return t.lineitem().filter(between("l_shipdate", "1995-09-01", "1995-10-01"))
        .join(t.part(), col("l_partkey").equalTo(col("p_partkey")))
        .agg(lit(100.00).multiply(sum(when(col("p_type").like("PROMO%"), discountedPrice()).otherwise(0)))
            .divide(sum(discountedPrice())).as("promo_revenue"));
  }

  static DataFrame q15(TpchTables t) {
    DataFrame revenue = t.lineitem().filter(between("l_shipdate", "1996-01-01", "1996-04-01"))
        .groupBy(col("l_suppkey").as("supplier_no"))
        .agg(sum(discountedPrice()).as("total_revenue"));
    DataFrame top = revenue.agg(max("total_revenue").as("max_revenue"));
    return t.supplier()
        .join(revenue, col("s_suppkey").equalTo(col("supplier_no")))
        .join(top, col("total_revenue").equalTo(col("max_revenue")))
        .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
        .orderBy("s_suppkey");
  }

  static DataFrame q16(TpchTables t) {
    DataFrame complaints = t.supplier().filter(col("s_comment").like("%Customer%Complaints%")).select("s_suppkey");
    return t.partsupp()
        .join(complaints, col("ps_suppkey").equalTo(col("s_suppkey")), "left_anti")
        .join(t.part().filter(col("p_brand").notEqual("Brand#45")
                .and(not(col("p_type").like("MEDIUM POLISHED%")))
                .and(col("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9))),
            col("p_partkey").equalTo(col("ps_partkey")))
        .groupBy("p_brand", "p_type", "p_size")
        .agg(countDistinct("ps_suppkey").as("supplier_cnt"))
        .orderBy(col("supplier_cnt").desc(), col("p_brand"), col("p_type"), col("p_size"));
  }

  static DataFrame q17(TpchTables t) {
    DataFrame boxedLines = t.lineitem()
        .join(t.part().filter(col("p_brand").equalTo("Brand#23").and(col("p_container").equalTo("MED BOX"))),
            col("l_partkey").equalTo(col("p_partkey")));
    DataFrame smallQuantity = boxedLines.groupBy(col("p_partkey").as("avg_partkey"))
        .agg(avg("l_quantity").multiply(0.2).as("small_quantity"));
    return boxedLines
        .join(smallQuantity, col("p_partkey").equalTo(col("avg_partkey"))
            .and(col("l_quantity").lt(col("small_quantity"))))
        .agg(sum("l_extendedprice").divide(7.0).as("avg_yearly"));
  }

  static DataFrame q18(TpchTables t) {
    DataFrame bigOrders = t.lineitem().groupBy(col("l_orderkey").as("big_orderkey"))
        .agg(sum("l_quantity").as("order_quantity"))
        .filter(col("order_quantity").gt(300))
        .select("big_orderkey");
    return t.customer()
        .join(t.orders(), col("c_custkey").equalTo(col("o_custkey")))
        .join(bigOrders, col("o_orderkey").equalTo(col("big_orderkey")), "left_semi")
        .join(t.lineitem(), col("o_orderkey").equalTo(col("l_orderkey")))
        .groupBy("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
        .agg(sum("l_quantity").as("sum_qty"))
        .orderBy(col("o_totalprice").desc(), col("o_orderdate"))
        .limit(100);
  }

  static DataFrame q19(TpchTables t) {
    return t.lineitem()
        .filter(col("l_shipmode").isin("AIR", "AIR REG").and(col("l_shipinstruct").equalTo("DELIVER IN PERSON")))
        .join(t.part(), col("l_partkey").equalTo(col("p_partkey")))
        .filter(partChoice("Brand#12", 1, 5, "SM CASE", "SM BOX", "SM PACK", "SM PKG")
            .or(partChoice("Brand#23", 10, 10, "MED BAG", "MED BOX", "MED PKG", "MED PACK"))
            .or(partChoice("Brand#34", 20, 15, "LG CASE", "LG BOX", "LG PACK", "LG PKG")))
        .agg(sum(discountedPrice()).as("revenue"));
  }

  private static Column partChoice(String brand, int quantity, int maxSize, Object... containers) {
    return col("p_brand").equalTo(brand)
        .and(col("p_container").isin(containers))
        .and(col("l_quantity").geq(quantity)).and(col("l_quantity").leq(quantity + 10))
        .and(col("p_size").between(1, maxSize));
  }

  static DataFrame q20(TpchTables t) {
    DataFrame forestParts = t.part().filter(col("p_name").like("forest%")).select("p_partkey");
    DataFrame shipped = t.lineitem().filter(between("l_shipdate", "1994-01-01", "1995-01-01"))
        .groupBy(col("l_partkey").as("agg_partkey"), col("l_suppkey").as("agg_suppkey"))
        .agg(sum("l_quantity").multiply(0.5).as("half_quantity"));
    DataFrame excessSuppliers = t.partsupp()
        .join(forestParts, col("ps_partkey").equalTo(col("p_partkey")), "left_semi")
        .join(shipped, col("ps_partkey").equalTo(col("agg_partkey")).and(col("ps_suppkey").equalTo(col("agg_suppkey"))))
        .filter(col("ps_availqty").gt(col("half_quantity")))
        .select("ps_suppkey");
    return t.supplier()
        .join(t.nation().filter(col("n_name").equalTo("CANADA")), col("s_nationkey").equalTo(col("n_nationkey")))
        .join(excessSuppliers, col("s_suppkey").equalTo(col("ps_suppkey")), "left_semi")
        .select("s_name", "s_address")
        .orderBy("s_name");
  }

  static DataFrame q21(TpchTables t) {
    DataFrame saudiSuppliers = t.supplier()
        .join(t.nation().filter(col("n_name").equalTo("SAUDI ARABIA")), col("s_nationkey").equalTo(col("n_nationkey")))
        .select("s_suppkey", "s_name");
    Column late = col("l_receiptdate").gt(col("l_commitdate"));
    DataFrame otherLines = t.lineitem()
        .select(col("l_orderkey").as("other_orderkey"), col("l_suppkey").as("other_suppkey"));
    DataFrame otherLateLines = t.lineitem().filter(late)
        .select(col("l_orderkey").as("late_orderkey"), col("l_suppkey").as("late_suppkey"));
    return t.lineitem().filter(late)
        .join(saudiSuppliers, col("s_suppkey").equalTo(col("l_suppkey")))
        .join(t.orders().filter(col("o_orderstatus").equalTo("F")), col("o_orderkey").equalTo(col("l_orderkey")))
        .join(otherLines, col("other_orderkey").equalTo(col("l_orderkey"))
            .and(col("other_suppkey").notEqual(col("l_suppkey"))), "left_semi")
        .join(otherLateLines, col("late_orderkey").equalTo(col("l_orderkey"))
            .and(col("late_suppkey").notEqual(col("l_suppkey"))), "left_anti")
        .groupBy("s_name")
        .agg(count("*").as("numwait"))
        .orderBy(col("numwait").desc(), col("s_name"))
        .limit(100);
  }

  static DataFrame q22(TpchTables t) {
    DataFrame candidates = t.customer()
        .select(substring(col("c_phone"), 1, 2).as("cntrycode"), col("c_acctbal"), col("c_custkey"))
        .filter(col("cntrycode").isin("13", "31", "23", "29", "30", "18", "17"));
    DataFrame averageBalance = candidates.filter(col("c_acctbal").gt(0.00)).agg(avg("c_acctbal").as("avg_acctbal"));
    return candidates.crossJoin(averageBalance)
        .filter(col("c_acctbal").gt(col("avg_acctbal")))
        .join(t.orders(), col("o_custkey").equalTo(col("c_custkey")), "left_anti")
        .groupBy("cntrycode")
        .agg(count("*").as("numcust"), sum("c_acctbal").as("totacctbal"))
        .orderBy("cntrycode");
  }
}
