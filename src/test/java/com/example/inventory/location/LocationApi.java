package com.example.inventory.location;

import com.example.inventory.HttpApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.example.inventory.HttpApi.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock per location (contract v1.2 §2) over real HTTP, on top of {@link HttpApi}: locations of unique codes, products
 * with rows at several locations, order lines that may pin a location, and what the API shows of rows, allocations
 * and the ledger. Everything is read through the API, so that the tests depend on no table name.
 */
public final class LocationApi {

    /** Entries per page when reading a whole ledger: the movements endpoint's largest page. */
    private static final int LEDGER_PAGE = 100;

    private final HttpApi api;

    public LocationApi(HttpApi api) {
        this.api = api;
    }

    public HttpApi http() {
        return api;
    }

    /** A row of a product's creation: {@code {"location","stock"}}. */
    public record Stock(String location, int stock) {
    }

    /** A line of an order: {@code {"sku","quantity"}}, {@code "location"} too when pinned. */
    public record Line(String sku, int quantity, @Nullable String location) {
    }

    /** A product's row at one location, as the product view's {@code locations} shows it. */
    public record Row(int stock, int reserved, int available) {
    }

    /** One of a line's {@code allocations}: units taken from one location. */
    public record Take(String location, int quantity) {
    }

    public static Stock at(String location, int stock) {
        return new Stock(location, stock);
    }

    /** An unpinned line: the service allocates it. */
    public static Line line(String sku, int quantity) {
        return new Line(sku, quantity, null);
    }

    /** A line pinned to {@code location}: it takes only from there. */
    public static Line pinned(String sku, int quantity, String location) {
        return new Line(sku, quantity, location);
    }

    /**
     * Creates one location per priority, all of one fresh random prefix and suffixed {@code -A}, {@code -B}, … in
     * argument order, so that their codes sort as the arguments do (what decides between equal priorities). Locations
     * are global and never deleted: only a product with a row at one of them ever sees it.
     *
     * @return the codes, in argument order
     */
    public List<String> locations(int... priorities) {
        String prefix = unique("T19");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            String code = prefix + "-" + (char) ('A' + i);
            Response created = api.post("/api/v1/locations", "{\"code\":\"" + code + "\",\"name\":\"Test " + code
                    + "\",\"priority\":" + priorities[i] + "}");
            if (created.status() != 201) {
                throw new IllegalStateException("Could not create location " + code + ": " + created);
            }
            codes.add(code);
        }
        return codes;
    }

    /** A location code that names no location. */
    public static String unknownLocation() {
        return unique("T19-NOWHERE");
    }

    /** {@code POST /api/v1/products} with {@code locations} instead of {@code stock}. */
    public Response postProduct(String sku, Stock... rows) {
        StringBuilder locations = new StringBuilder();
        for (Stock row : rows) {
            locations.append(locations.isEmpty() ? "" : ",").append("{\"location\":\"").append(row.location())
                    .append("\",\"stock\":").append(row.stock()).append('}');
        }
        return api.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Test " + sku
                + "\",\"locations\":[" + locations + "]}");
    }

    /** Creates a product of a unique SKU with these rows and fails unless the service answers 201; its SKU. */
    public String newProduct(Stock... rows) {
        String sku = unique("LOC");
        Response created = postProduct(sku, rows);
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create " + sku + ": " + created);
        }
        return sku;
    }

    /** {@code POST /api/v1/products/{sku}/restock} naming {@code location} (none when null: {@code DEFAULT}). */
    public Response restock(String sku, @Nullable String location, int quantity) {
        String at = location == null ? "" : ",\"location\":\"" + location + "\"";
        return api.post("/api/v1/products/" + sku + "/restock", "{\"quantity\":" + quantity + at + "}");
    }

    /** {@code POST /api/v1/deductions[?strategy=…]}. */
    public Response deduct(@Nullable String strategy, String orderId, Line... lines) {
        return api.post("/api/v1/deductions" + query(strategy), "{\"orderId\":\"" + orderId + "\",\"items\":["
                + items(lines) + "]}");
    }

    /** {@code POST /api/v1/reservations[?strategy=…]}; {@code ttlSeconds} if not null. */
    public Response reserve(@Nullable String strategy, String orderId, @Nullable Integer ttlSeconds, Line... lines) {
        String ttl = ttlSeconds == null ? "" : ",\"ttlSeconds\":" + ttlSeconds;
        return api.post("/api/v1/reservations" + query(strategy), "{\"orderId\":\"" + orderId + "\",\"items\":["
                + items(lines) + "]" + ttl + "}");
    }

    private static String query(@Nullable String strategy) {
        return strategy == null ? "" : "?strategy=" + strategy;
    }

    private static String items(Line... lines) {
        StringBuilder items = new StringBuilder();
        for (Line line : lines) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(line.sku())
                    .append("\",\"quantity\":").append(line.quantity());
            if (line.location() != null) {
                items.append(",\"location\":\"").append(line.location()).append('"');
            }
            items.append('}');
        }
        return items.toString();
    }

    /** The product view; fails unless it is there. */
    public JsonNode view(String sku) {
        Response response = api.get("/api/v1/products/" + sku);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The product's rows, location by location, in the order the view lists them (priority, then code). */
    public Map<String, Row> rows(String sku) {
        return rowsOf(view(sku));
    }

    /** The rows a product view lists, in its order. */
    public static Map<String, Row> rowsOf(JsonNode product) {
        assertThat(product.has("locations")).as("a product view lists its rows: %s", product).isTrue();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JsonNode row : product.get("locations")) {
            Row previous = rows.put(row.get("location").asString(), new Row(row.get("stock").asInt(),
                    row.get("reserved").asInt(), row.get("available").asInt()));
            assertThat(previous).as("%s listed twice in %s", row.get("location"), product).isNull();
        }
        return rows;
    }

    /** A line's {@code allocations}, in the order the answer gives them (the order of taking). */
    public static List<Take> allocations(JsonNode item) {
        assertThat(item.has("allocations")).as("a line shows its allocations: %s", item).isTrue();
        List<Take> takes = new ArrayList<>();
        for (JsonNode take : item.get("allocations")) {
            takes.add(new Take(take.get("location").asString(), take.get("quantity").asInt()));
        }
        return takes;
    }

    /** Each line's {@code allocations}, in line order, of a deduction or reservation. */
    public static List<List<Take>> allocationsOf(JsonNode order) {
        assertThat(order.has("items")).as("a deduction or reservation, not %s", order).isTrue();
        List<List<Take>> lines = new ArrayList<>();
        for (JsonNode item : order.get("items")) {
            lines.add(allocations(item));
        }
        return lines;
    }

    /** Units per location that the lines of {@code orders} took, summed. */
    public static Map<String, Integer> unitsByLocation(List<JsonNode> orders) {
        Map<String, Integer> units = new HashMap<>();
        for (JsonNode order : orders) {
            for (List<Take> line : allocationsOf(order)) {
                line.forEach(take -> units.merge(take.location(), take.quantity(), Integer::sum));
            }
        }
        return units;
    }

    /** Every ledger entry of a product, newest first, read page by page on the keyset ({@code before}). */
    public List<JsonNode> movements(String sku) {
        List<JsonNode> entries = new ArrayList<>();
        String path = "/api/v1/products/" + sku + "/movements?size=" + LEDGER_PAGE;
        Response page = api.get(path);
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode content = page.json().get("content");
            content.forEach(entries::add);
            if (content.size() < LEDGER_PAGE) {
                return entries;
            }
            page = api.get(path + "&before=" + entries.getLast().get("id").asLong());
        }
    }

    /** The product's ledger entries of {@code kind}, newest first. */
    public List<JsonNode> movements(String sku, String kind) {
        return movements(sku).stream().filter(entry -> entry.get("kind").asString().equals(kind)).toList();
    }

    /**
     * The ledger invariants of the contract, per product <em>and location</em>, read through the API: for every
     * location, the signed sum of its entries (INITIAL, RESTOCK, CANCEL +; DEDUCT, CONFIRM −) is its row's stock, the
     * sum of RESERVE − RELEASE − CONFIRM its reserved, and its newest entry's stockAfter its stock; a row has
     * {@code 0 ≤ reserved ≤ stock} and {@code available = stock − reserved}; an entry names a location where the
     * product has a row; the product's top-level figures are the sums of its rows.
     */
    public void assertLedgerMatchesRows(String sku) {
        JsonNode product = view(sku);
        Map<String, Row> rows = rowsOf(product);
        Map<String, Long> stockSums = new HashMap<>();
        Map<String, Long> reservedSums = new HashMap<>();
        Map<String, Integer> newestStockAfter = new HashMap<>();
        for (JsonNode entry : movements(sku)) {
            assertThat(entry.has("location")).as("entry names its location: %s", entry).isTrue();
            String location = entry.get("location").asString();
            assertThat(rows).as("entry %s at a location where %s has a row", entry, sku).containsKey(location);
            long quantity = entry.get("quantity").asLong();
            switch (entry.get("kind").asString()) {
                case "INITIAL", "RESTOCK", "CANCEL" -> stockSums.merge(location, quantity, Long::sum);
                case "DEDUCT" -> stockSums.merge(location, -quantity, Long::sum);
                case "RESERVE" -> reservedSums.merge(location, quantity, Long::sum);
                case "RELEASE" -> reservedSums.merge(location, -quantity, Long::sum);
                case "CONFIRM" -> {
                    stockSums.merge(location, -quantity, Long::sum);
                    reservedSums.merge(location, -quantity, Long::sum);
                }
                default -> throw new AssertionError("unknown kind of entry: " + entry);
            }
            newestStockAfter.putIfAbsent(location, entry.get("stockAfter").asInt()); // newest first
        }
        long stock = 0;
        long reserved = 0;
        Set<String> locations = new TreeSet<>(rows.keySet());
        for (String location : locations) {
            Row row = rows.get(location);
            assertThat(stockSums.getOrDefault(location, 0L)).as("ledger stock sum of %s at %s", sku, location)
                    .isEqualTo((long) row.stock());
            assertThat(reservedSums.getOrDefault(location, 0L)).as("ledger reserved sum of %s at %s", sku, location)
                    .isEqualTo((long) row.reserved());
            if (newestStockAfter.containsKey(location)) {
                assertThat(newestStockAfter.get(location)).as("newest stockAfter of %s at %s", sku, location)
                        .isEqualTo(row.stock());
            }
            assertThat(row.reserved()).as("reserved of %s at %s", sku, location).isBetween(0, row.stock());
            assertThat(row.available()).as("available of %s at %s", sku, location)
                    .isEqualTo(row.stock() - row.reserved());
            stock += row.stock();
            reserved += row.reserved();
        }
        assertThat(product.get("stock").asLong()).as("stock of %s: the sum of its rows", sku).isEqualTo(stock);
        assertThat(product.get("reserved").asLong()).as("reserved of %s: the sum of its rows", sku)
                .isEqualTo(reserved);
        assertThat(product.get("available").asLong()).as("available of %s: the sum of its rows", sku)
                .isEqualTo(stock - reserved);
    }
}
