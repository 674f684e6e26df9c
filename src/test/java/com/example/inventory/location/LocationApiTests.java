package com.example.inventory.location;

import com.example.inventory.HttpApi;
import com.example.inventory.IntegrationTest;
import com.example.inventory.Race;
import com.example.inventory.TestIssuer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.example.inventory.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.inventory.HttpApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Locations over HTTP: create, read one, read all; their rules and exact outcomes. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LocationApiTests {

    /** What the tests compare a listed location by: priority, then code. */
    private record Listed(String code, String name, int priority) {
    }

    private static final Comparator<Listed> PREFERRED_FIRST = Comparator.comparingInt(Listed::priority)
            .thenComparing(Listed::code);

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void theDefaultLocationExistsWithPriorityZero() {
        Response response = api.get("/api/v1/locations/DEFAULT");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("code").asString()).isEqualTo("DEFAULT");
        assertThat(response.json().get("name").asString()).isNotBlank();
        assertThat(response.json().get("priority").asInt()).isZero();
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("code", "name", "priority");
    }

    @Test
    void createsALocationAndReadsItBack() {
        String code = unique("WH");
        Response created = create(code, "  East warehouse  ", 10);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/api/v1/locations/" + code));
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.json().get("code").asString()).isEqualTo(code);
        assertThat(created.json().get("name").asString()).as("stored stripped").isEqualTo("East warehouse");
        assertThat(created.json().get("priority").asInt()).isEqualTo(10);
        assertThat(created.json().propertyNames()).containsExactlyInAnyOrder("code", "name", "priority");

        Response read = api.get("/api/v1/locations/" + code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void theBoundsOfPriorityAndNameAreAccepted() {
        String code = unique("EDGE");

        assertThat(create(code + "-0", "x", 0).status()).isEqualTo(201);
        assertThat(create(code + "-1000", "N".repeat(200), 1000).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/locations/" + code + "-1000").json().get("name").asString()).hasSize(200);
        String longest = (code + "-" + "L".repeat(64)).substring(0, 64);
        assertThat(create(longest, "Longest code", 999).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/locations/" + longest).status()).isEqualTo(200);
    }

    @Test
    void anUnknownLocationIsNotFound() {
        String code = unique("NOPE");

        Response response = api.get("/api/v1/locations/" + code);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("location-not-found");
        assertThat(response.json().get("location").asString()).isEqualTo(code);
        assertThat(api.get("/api/v1/locations/default").status()).as("codes are case-sensitive").isEqualTo(404);
    }

    @Test
    void aTakenCodeIsADuplicateAndChangesNothing() {
        String code = unique("DUP");
        create(code, "First", 5);

        Response again = create(code, "Second", 6);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("duplicate-location");
        assertThat(again.json().get("location").asString()).isEqualTo(code);
        JsonNode kept = api.get("/api/v1/locations/" + code).json();
        assertThat(kept.get("name").asString()).isEqualTo("First");
        assertThat(kept.get("priority").asInt()).isEqualTo(5);
        assertThat(create("DEFAULT", "Another default", 3).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/locations/DEFAULT").json().get("priority").asInt()).isZero();
    }

    /**
     * Creations racing for one code: one location, the losers told 409 by the insert's answer rather than by a failed
     * statement, which the driver's layers would log as an error.
     */
    @Test
    void racingCreationsOfOneCodeMakeOneLocation(CapturedOutput output) throws Exception {
        String code = unique("RACE");

        Map<Integer, Integer> statuses = Race.count(16, 16, index -> create(code, "Racer " + index, index).status());

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, 15));
        assertThat(api.get("/api/v1/locations/" + code).status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("duplicate key value").doesNotContain("location_pkey");
    }

    @Test
    void listsEveryLocationAsAPlainArrayByPriorityThenCode() {
        String prefix = unique("ORD");
        create(prefix + "-B", "B", 700);
        create(prefix + "-A", "A", 700);
        create(prefix + "-C", "C", 600);

        Response response = api.get("/api/v1/locations");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).as("a plain JSON array, not a page").isTrue();
        List<Listed> listed = new ArrayList<>();
        response.json().forEach(location -> listed.add(new Listed(location.get("code").asString(),
                location.get("name").asString(), location.get("priority").asInt())));
        assertThat(listed).isSortedAccordingTo(PREFERRED_FIRST);
        assertThat(listed.stream().map(Listed::code))
                .containsSubsequence(prefix + "-C", prefix + "-A", prefix + "-B")
                .contains("DEFAULT")
                .doesNotHaveDuplicates();
        assertThat(listed).filteredOn(location -> location.code().equals("DEFAULT"))
                .containsExactly(new Listed("DEFAULT", "Default location", 0));
    }

    @Test
    void invalidLocationsAreRejectedWithTheFieldsThatFailed() {
        String code = unique("BAD");
        assertValidation("{\"name\":\"No code\",\"priority\":1}", "code");
        assertValidation("{\"code\":\"-starts-with-dash\",\"name\":\"x\",\"priority\":1}", "code");
        assertValidation("{\"code\":\"has space\",\"name\":\"x\",\"priority\":1}", "code");
        assertValidation("{\"code\":\"" + "A".repeat(65) + "\",\"name\":\"x\",\"priority\":1}", "code");
        assertValidation("{\"code\":\"\",\"name\":\"x\",\"priority\":1}", "code");
        assertValidation("{\"code\":123,\"name\":\"x\",\"priority\":1}", "code");
        assertValidation("{\"code\":\"" + code + "\",\"priority\":1}", "name");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"\",\"priority\":1}", "name");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"  \",\"priority\":1}", "name");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"\\u00a0\\u200b\",\"priority\":1}", "name");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"" + "N".repeat(201) + "\",\"priority\":1}", "name");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\"}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":null}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":-1}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":1001}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":1.5}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":\"5\"}", "priority");
        assertValidation("{\"code\":\"" + code + "\",\"name\":\"x\",\"priority\":99999999999999}", "priority");

        assertThat(api.get("/api/v1/locations/" + code).status()).isEqualTo(404);
    }

    @Test
    void aReaderMayReadLocationsButNotCreateThem() {
        HttpApi reader = api.as("reader", TestIssuer.READ);
        String code = unique("RO");

        Response refused = reader.post("/api/v1/locations",
                "{\"code\":\"" + code + "\",\"name\":\"Read only\",\"priority\":1}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");
        assertThat(refused.json().get("requiredScope").asString()).isEqualTo(TestIssuer.ADMIN);
        assertThat(api.get("/api/v1/locations/" + code).status()).as("nothing created").isEqualTo(404);
        assertThat(reader.get("/api/v1/locations").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/locations/DEFAULT").status()).isEqualTo(200);
        HttpApi admin = api.as("back-office", TestIssuer.ADMIN);
        assertThat(admin.get("/api/v1/locations").status()).as("admin grants no read").isEqualTo(403);
        assertThat(admin.post("/api/v1/locations", "{\"code\":\"" + code + "\",\"name\":\"Admin\",\"priority\":1}")
                .status()).isEqualTo(201);
    }

    private Response create(String code, String name, int priority) {
        return api.post("/api/v1/locations", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"priority\":"
                + priority + "}");
    }

    private void assertValidation(String body, String field) {
        Response response = api.post("/api/v1/locations", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        assertThat(response.problemType()).as(body).isEqualTo("validation");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(body).contains(field);
    }
}
