package com.example.inventory.web;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.RawHttp;
import com.example.inventory.common.InventoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client can send, each sent as raw bytes over a socket: never a 500, never a write conflict for a
 * read, never data silently changed; a 400 {@code validation} naming what was wrong, a 413 for a body too large.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

    @LocalServerPort
    int port;

    HttpApi api;
    RawHttp raw;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        raw = new RawHttp(port);
    }

    @Test
    void malformedQueryStringIsAValidationProblemOnAnyEndpointAndLogsNoError(CapturedOutput output) {
        String sku = HttpApi.unique("Q");
        api.createProduct(sku, 5);
        String orderId = HttpApi.unique("Q");
        String order = order(orderId, sku);
        int logged = output.getAll().length();

        List<RawHttp.Response> answers = List.of(
                raw.send("GET", "/api/v1/products?=x", ""),
                raw.send("GET", "/api/v1/products?page=%zz", ""),
                raw.send("GET", "/api/v1/deductions?orderId=caf%E9", ""),
                raw.send("GET", "/api/v1/products/" + sku + "?a=%", ""),
                raw.send("POST", "/api/v1/deductions?=x", order));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
        });
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.get("/api/v1/deductions?orderId=" + orderId).status()).isEqualTo(404);
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException");
    }

    @Test
    void nulInAParameterIsAValidationProblemNamingItNotAConflict() {
        for (String path : List.of("/api/v1/deductions?orderId=a%00b", "/api/v1/reservations?orderId=a%00b",
                "/api/v1/products?size=1%00")) {
            RawHttp.Response answer = raw.send("GET", path, "");

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(path.substring(path.indexOf('?') + 1, path.indexOf('=')));
            assertThat(answer.json().get("errors").get(0).get("message").asString()).contains("NUL");
        }
    }

    @Test
    void nulInABodyStringIsAValidationProblemNamingTheField() {
        String sku = HttpApi.unique("NUL");

        RawHttp.Response product = raw.send("POST", "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"a\\u0000b\",\"stock\":1}");
        RawHttp.Response order = raw.send("POST", "/api/v1/deductions",
                "{\"orderId\":\"a\\u0000b\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");

        assertField(product, "name", "NUL");
        assertField(order, "orderId", "NUL");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);
    }

    @Test
    void loneSurrogateIsRefusedRatherThanStoredAsSomethingElse() {
        String sku = HttpApi.unique("SUR");

        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"\\ud800\",\"stock\":1}"),
                "name", "surrogate");
        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"x\\udc00y\",\"stock\":1}"),
                "name", "surrogate");
        assertField(raw.send("POST", "/api/v1/deductions", "{\"orderId\":\"O-1\",\"items\":[{\"sku\":\"\\udbff\","
                + "\"quantity\":1}]}"), "items[0].sku", "surrogate");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        // A surrogate pair is a character like any other, and comes back as it was sent.
        RawHttp.Response pair = raw.send("POST", "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"\\ud83d\\ude00\",\"stock\":1}");
        assertThat(pair.status()).as(pair.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/products/" + sku).json().get("name").asString()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLargeBeforeItIsParsed() {
        String sku = HttpApi.unique("BIG");
        String prefix = "{\"sku\":\"" + sku + "\",\"name\":\"n\",\"stock\":1";

        assertProblem(raw.sendLarge("POST", "/api/v1/products", prefix, 10L * 1024 * 1024, false), 413,
                "payload-too-large");
        assertProblem(raw.sendLarge("POST", "/api/v1/products", prefix, 2L * 1024 * 1024, true), 413,
                "payload-too-large");
        assertProblem(raw.sendLarge("GET", "/api/v1/products", prefix, 2L * 1024 * 1024, false), 413,
                "payload-too-large");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        RawHttp.Response atTheLimit = raw.sendLarge("POST", "/api/v1/products", prefix,
                InventoryLimits.MAX_BODY_BYTES, true);
        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
    }

    @Test
    void duplicateKeysAreAValidationProblemNamingTheKey() {
        String sku = HttpApi.unique("DUP");

        assertField(raw.send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"n\",\"stock\":-1,\"stock\":1}"),
                "stock", "more than once");
        assertField(raw.send("POST", "/api/v1/deductions", "{\"orderId\":\"D-1\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":1,\"quantity\":2}]}"), "items[0].quantity", "more than once");
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);
    }

    @Test
    void traceIsMethodNotAllowedWithThePathsOwnAllowAndEchoesNothing() {
        RawHttp.Response products = raw.send("TRACE", "/api/v1/products", "", "X-Secret: trace-me");
        RawHttp.Response restock = raw.send("TRACE", "/api/v1/products/X/restock", "");

        assertProblem(products, 405, "method-not-allowed");
        assertThat(allowed(products)).contains("GET", "POST").doesNotContain("PUT", "DELETE", "PATCH", "TRACE");
        assertThat(products.body()).doesNotContain("trace-me");
        assertProblem(restock, 405, "method-not-allowed");
        assertThat(allowed(restock)).contains("POST").doesNotContain("GET", "PUT", "DELETE", "PATCH", "TRACE");
        // Every method the Allow header names is one the path answers without a 405.
        for (String method : allowed(products)) {
            assertThat(raw.send(method, "/api/v1/products", method.equals("POST") ? "{}" : "").status())
                    .as(method).isNotEqualTo(405);
        }
    }

    @Test
    void mediaRangeAsContentTypeIsUnsupportedMediaTypeNeverA500(CapturedOutput output) {
        String sku = HttpApi.unique("CT");
        api.createProduct(sku, 5);
        String orderId = HttpApi.unique("CT");
        String order = order(orderId, sku);
        int logged = output.getAll().length();

        for (String range : List.of("*/*", "application/*", "text/*", "*")) {
            for (String[] call : List.of(new String[] {"/api/v1/deductions", order},
                    new String[] {"/api/v1/reservations", order},
                    new String[] {"/api/v1/products/" + sku + "/restock", "{\"quantity\":1}"},
                    new String[] {"/api/v1/products", "{\"sku\":\"" + sku + "-2\",\"name\":\"n\",\"stock\":1}"})) {
                RawHttp.Response answer = raw.sendBytes("POST", call[0], call[1].getBytes(StandardCharsets.UTF_8),
                        "Content-Type: " + range);

                assertProblem(answer, 415, "unsupported-media-type");
            }
        }
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.get("/api/v1/products/" + sku + "-2").status()).isEqualTo(404);
        assertThat(api.deduct(null, orderId, sku, 1).status()).as("the order id is still free").isEqualTo(201);
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
    }

    @Test
    void acceptThatCannotBeParsedOrRefusesEverythingIsNotAcceptableAsAProblem() {
        String sku = HttpApi.unique("ACC");
        api.createProduct(sku, 5);
        String order = order(HttpApi.unique("ACC"), sku);

        for (String accept : List.of("garbage", "a/b/c", "application/json;q=abc", "application/json;q=0",
                "application/json;q=0, */*;q=0")) {
            assertProblem(raw.send("GET", "/api/v1/products/" + sku, "", "Accept: " + accept), 406, "not-acceptable");
            assertProblem(raw.send("GET", "/nowhere", "", "Accept: " + accept), 406, "not-acceptable");
            assertProblem(raw.send("POST", "/api/v1/deductions", order, "Accept: " + accept), 406, "not-acceptable");
        }
        assertThat(api.stockOf(sku)).isEqualTo(5);
        RawHttp.Response weighted = raw.send("GET", "/api/v1/products/" + sku, "", "Accept: text/html;q=0, */*;q=0.1");
        assertThat(weighted.status()).as(weighted.toString()).isEqualTo(200);
    }

    @Test
    void parameterGivenTwiceIsAValidationProblemNamingIt() {
        String sku = HttpApi.unique("TWICE");
        api.createProduct(sku, 5);
        String order = order(HttpApi.unique("TWICE"), sku);

        assertField(raw.send("GET", "/api/v1/products?page=1&page=2", ""), "page", "more than once");
        assertField(raw.send("POST", "/api/v1/deductions?strategy=atomic&strategy=batched", order), "strategy",
                "more than once");
        assertThat(api.stockOf(sku)).isEqualTo(5);
    }

    /** A body cut short by its client is answered (or not) without a line in the log per such request. */
    @Test
    void bodyItsClientBreaksOffIsNotLoggedAsTrouble(CapturedOutput output) {
        int logged = output.getAll().length();

        RawHttp.Response badChunk = raw.sendVerbatim("POST /api/v1/products HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.AUTHORIZATION + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "zz\r\n{}\r\n0\r\n\r\n");

        assertThat(badChunk.status()).as(badChunk.toString()).isEqualTo(400);
        assertThat(output.getAll().substring(logged)).doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }

    @Test
    void integerParametersAreWrittenInAsciiDecimalDigits() {
        for (String page : List.of("0x10", "%230", "+1", "-0", "-00", "%EF%BC%91", "%D9%A1", "1%20", "%201")) {
            assertField(raw.send("GET", "/api/v1/products?page=" + page, ""), "page", "invalid value");
        }
        RawHttp.Response leadingZero = raw.send("GET", "/api/v1/products?page=010&size=1", "");
        assertThat(leadingZero.status()).as(leadingZero.toString()).isEqualTo(200);
        assertThat(leadingZero.json().get("page").get("number").asInt()).isEqualTo(10);
        assertThat(raw.send("GET", "/api/v1/products?page=", "").status()).as("empty: the default").isEqualTo(200);
    }

    @Test
    void bodyThatIsNotWellFormedUtf8IsRefusedRatherThanReadAsAnotherText() {
        String sku = HttpApi.unique("UTF");
        // C1 81 and C0 AF are overlong forms of 'A' and '/', E0 80 AF one of '/', ED A0 80 a surrogate, F4 90 80 80
        // beyond U+10FFFF, FF no UTF-8 at all, C3 a sequence cut short by the closing quote.
        for (byte[] bad : List.of(bytes(0xC1, 0x81), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF),
                bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xFF), bytes(0xC3))) {
            RawHttp.Response answer = raw.sendBytes("POST", "/api/v1/products",
                    concat("{\"sku\":\"" + sku + "\",\"name\":\"a", bad, "b\",\"stock\":1}"),
                    "Content-Type: application/json");

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("detail").asString()).contains("UTF-8");
        }
        RawHttp.Response overlongSku = raw.sendBytes("POST", "/api/v1/products",
                concat("{\"sku\":\"" + sku + "-", bytes(0xC1, 0x81), "\",\"name\":\"n\",\"stock\":1}"),
                "Content-Type: application/json");
        assertProblem(overlongSku, 400, "validation");
        assertThat(api.get("/api/v1/products/" + sku + "-A").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        // Well-formed characters of two, three and four bytes are text like any other.
        RawHttp.Response fine = raw.sendBytes("POST", "/api/v1/products",
                ("{\"sku\":\"" + sku + "\",\"name\":\"caf\u00e9 \u20ac \ud83d\ude00\",\"stock\":1}")
                        .getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/products/" + sku).json().get("name").asString())
                .isEqualTo("caf\u00e9 \u20ac \ud83d\ude00");
    }

    @Test
    void emptyOrBlankStringWhereAnIntegerBelongsIsAValidationProblem() {
        String sku = HttpApi.unique("BLANK");
        api.createProduct(sku, 5);

        for (String value : List.of("\"\"", "\" \"", "\"\\t\"", "\"\\u0000\"")) {
            assertField(raw.send("POST", "/api/v1/reservations", "{\"orderId\":\"" + HttpApi.unique("BLANK")
                    + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"ttlSeconds\":" + value + "}"),
                    "ttlSeconds", "must be an integer");
            assertField(raw.send("POST", "/api/v1/deductions", "{\"orderId\":\"" + HttpApi.unique("BLANK")
                    + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + value + "}]}"),
                    "items[0].quantity", "must be an integer");
        }
        assertThat(api.get("/api/v1/products/" + sku).json().get("available").asInt()).isEqualTo(5);
    }

    @Test
    void protocolFeaturesTheServerLacksAreTheClientsMistakeNotAServerError() {
        RawHttp.Response version = raw.sendVerbatim("GET /api/v1/products HTTP/2.0\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        RawHttp.Response coding = raw.sendBytes("POST", "/api/v1/deductions", new byte[0],
                "Content-Type: application/json", "Transfer-Encoding: gzip");

        assertProblem(version, 400, "validation");
        assertProblem(coding, 400, "validation");
    }

    @Test
    void unknownPathIsNamedAsItWasSent() {
        RawHttp.Response trailingSlash = raw.send("GET", "/api/v1/products/", "");

        assertProblem(trailingSlash, 404, "not-found");
        assertThat(trailingSlash.json().get("detail").asString()).isEqualTo("No endpoint GET /api/v1/products/");
    }

    /**
     * {@code ?strategy=} compares ASCII letters case-insensitively and nothing else: Java's {@code equalsIgnoreCase}
     * would also take a dotless ı, a long ſ or a dotted İ for the letters they fold to, and {@code strip()} padding.
     */
    @Test
    void strategyIsOneOfTheNamesInAsciiCaseNotALookAlikeNorPadded() {
        String sku = HttpApi.unique("STRAT");
        api.createProduct(sku, 50);

        for (String strategy : List.of("pess%C4%B1mistic", "pe%C5%BF%C5%BFimi%C5%BFtic", "ATOM%C4%B0C",
                "%20batched", "batched%09", "batched%20", "BATCHED%20", "%20ATOMIC", "%20", "%09", "%E2%80%8Batomic",
                "%EF%BD%81tomic")) {
            for (String path : List.of("/api/v1/deductions", "/api/v1/reservations")) {
                RawHttp.Response answer = raw.send("POST", path + "?strategy=" + strategy,
                        order(HttpApi.unique("STRAT"), sku));

                assertField(answer, "strategy", "must be one of");
            }
        }
        assertThat(api.get("/api/v1/products/" + sku).json().get("available").asInt()).isEqualTo(50);

        for (String[] named : List.of(new String[] {"ATOMIC", "atomic"}, new String[] {"Pessimistic", "pessimistic"},
                new String[] {"bAtChEd", "batched"}, new String[] {"optimistic", "optimistic"})) {
            RawHttp.Response answer = raw.send("POST", "/api/v1/deductions?strategy=" + named[0],
                    order(HttpApi.unique("STRAT"), sku));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.json().get("strategy").asString()).isEqualTo(named[1]);
        }
        RawHttp.Response empty = raw.send("POST", "/api/v1/deductions?strategy=", order(HttpApi.unique("STRAT"), sku));
        assertThat(empty.status()).as("empty: the default, as documented").isEqualTo(201);
    }

    /**
     * "Not all whitespace" means at least one visible character: a name of no-break spaces, zero-width spaces, byte
     * order marks, Mongolian vowel separators, Hangul fillers, variation selectors or tag characters shows nothing.
     */
    @Test
    void productNameMadeOnlyOfInvisibleCharactersIsAValidationProblem() {
        String sku = HttpApi.unique("INVIS");

        for (String name : List.of("\\u00a0", "\\u200b", "\\ufeff", "\\u180e", "\\u00a0\\u200b\\ufeff\\u180e",
                "\\u2060\\u3000\\u202f", "\\u3164", "\\ufe0f", "\\u00ad", "\\u0085 \\u2028", "\\udb40\\udc20",
                "\\ud834\\udd73\\u200d")) {
            RawHttp.Response answer = raw.send("POST", "/api/v1/products",
                    "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"stock\":1}");

            assertField(answer, "name", "visible");
        }
        assertThat(api.get("/api/v1/products/" + sku).status()).isEqualTo(404);

        RawHttp.Response visible = raw.send("POST", "/api/v1/products",
                "{\"sku\":\"" + sku + "\",\"name\":\"\\u200b\\u00a0\\u00e9\",\"stock\":1}");
        assertThat(visible.status()).as(visible.toString()).isEqualTo(201);
    }

    /**
     * A body is UTF-8. Without a byte order mark, UTF-16 or UTF-32 JSON is well-formed UTF-8 byte for byte (Jackson
     * would detect and read it), but it has a NUL byte in every ASCII character and JSON text has none: 400. A
     * {@code charset} other than UTF-8 is a media type the service does not take, on any request: 415.
     */
    @Test
    void bodyThatIsNotUtf8JsonIsRefusedWhateverItsEncodingOrCharsetClaims() {
        String sku = HttpApi.unique("UTF16");
        api.createProduct(sku, 5);
        String orderId = HttpApi.unique("UTF16");
        String order = order(orderId, sku);

        for (java.nio.charset.Charset encoding : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                java.nio.charset.Charset.forName("UTF-32LE"), java.nio.charset.Charset.forName("UTF-32BE"))) {
            RawHttp.Response answer = raw.sendBytes("POST", "/api/v1/deductions", order.getBytes(encoding),
                    "Content-Type: application/json");

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().get("detail").asString()).as(encoding.name()).contains("UTF-8", "NUL");
        }
        assertProblem(raw.sendBytes("POST", "/api/v1/deductions", order.getBytes(StandardCharsets.UTF_16),
                "Content-Type: application/json"), 400, "validation"); // with a byte order mark: FE FF is not UTF-8
        for (String charset : List.of("UTF-16LE", "utf-16", "ISO-8859-1", "US-ASCII", "windows-1252")) {
            java.nio.charset.Charset named = java.nio.charset.Charset.forName(charset);
            assertProblem(raw.sendBytes("POST", "/api/v1/deductions", order.getBytes(named),
                    "Content-Type: application/json; charset=" + charset), 415, "unsupported-media-type");
            assertProblem(raw.sendBytes("GET", "/api/v1/products/" + sku, new byte[0],
                    "Content-Type: application/json; charset=" + charset), 415, "unsupported-media-type");
        }
        assertThat(api.stockOf(sku)).isEqualTo(5);
        assertThat(api.get("/api/v1/deductions?orderId=" + orderId).status()).isEqualTo(404);

        RawHttp.Response utf8 = raw.sendBytes("POST", "/api/v1/deductions", order.getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json; charset=utf-8");
        assertThat(utf8.status()).as(utf8.toString()).isEqualTo(201);
        assertThat(api.stockOf(sku)).isEqualTo(4);
    }

    /**
     * A client that accepts only problem details gets the problem its request causes, not a 406; a success is
     * answered in JSON all the same (a 406 after a change would hide the change). An {@code Accept} that admits
     * neither is still refused before anything changes.
     */
    @Test
    void acceptingOnlyProblemDetailsGetsTheProblemTheRequestCauses() {
        String sku = HttpApi.unique("PJ");
        api.createProduct(sku, 5);
        String accept = "Accept: application/problem+json";

        assertProblem(raw.send("GET", "/api/v1/products/NOPE-" + sku, "", accept), 404, "product-not-found");
        assertProblem(raw.send("GET", "/api/v1/deductions/" + java.util.UUID.randomUUID(), "", accept), 404,
                "deduction-not-found");
        assertProblem(raw.send("POST", "/api/v1/products", "{\"sku\":\"-\"}", accept), 400, "validation");
        assertProblem(raw.send("POST", "/api/v1/deductions", order(HttpApi.unique("PJ"), sku).replace(":1}", ":9}"),
                accept), 409, "insufficient-stock");
        assertProblem(raw.send("POST", "/api/v1/deductions?strategy=nope", order(HttpApi.unique("PJ"), sku), accept),
                400, "validation");
        assertProblem(raw.send("POST", "/api/v1/products/" + sku + "/restock", "{\"quantity\":1000000000}",
                "Accept: application/problem+json, text/html"), 409, "stock-limit-exceeded");
        assertThat(api.stockOf(sku)).isEqualTo(5);

        RawHttp.Response read = raw.send("GET", "/api/v1/products/" + sku, "", accept);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        RawHttp.Response placed = raw.send("POST", "/api/v1/deductions", order(HttpApi.unique("PJ"), sku), accept);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(api.stockOf(sku)).isEqualTo(4);

        for (String refused : List.of("Accept: text/html", "Accept: application/problem+json;q=0")) {
            assertProblem(raw.send("GET", "/api/v1/products/NOPE-" + sku, "", refused), 406, "not-acceptable");
            assertProblem(raw.send("POST", "/api/v1/deductions", order(HttpApi.unique("PJ"), sku), refused), 406,
                    "not-acceptable");
        }
        assertThat(api.stockOf(sku)).isEqualTo(4);
    }

    /** A deduction or reservation body: one unit of {@code sku} for {@code orderId}. */
    private static String order(String orderId, String sku) {
        return "{\"orderId\":\"" + orderId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    private static Set<String> allowed(RawHttp.Response response) {
        return Arrays.stream(response.header("Allow").orElse("").split(","))
                .map(String::strip).filter(method -> !method.isEmpty()).collect(Collectors.toSet());
    }

    private static void assertField(RawHttp.Response response, String field, String messagePart) {
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains(messagePart);
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.problemType()).isEqualTo(type);
    }
}
