package com.example.inventory.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document says what the events are, and {@link EventContract} holds bodies to it: its examples pass, and
 * a body missing a member, with one too many or with a value out of range does not.
 */
class EventContractTests {

    private static final String STOCK_LOW = """
            {"eventId": "019cebab-89f6-7128-a24b-e40ad23f0824", "occurredAt": "2026-03-14T09:31:40.905112Z",
             "sku": "SKU-2040", "available": 8, "threshold": %s, "ledgerPosition": 48250}""";

    private static final String RESERVATION_EXPIRED = """
            {"eventId": "019cebab-8b08-70ed-a079-d3bde8e25d94", "occurredAt": "2026-03-14T09:41:53.500204Z",
             "reservationId": "019cebab-5c2e-7a31-9f04-1b6d2e7c8a90", "orderId": "ORD-1", "clientId": "web-shop",
             "items": [%s]}""";

    private final EventContract contract = EventContract.load();

    @Test
    void documentsExactlyTheEventsTheServicePublishes() {
        assertThat(contract.eventNames()).containsExactlyInAnyOrder("stock.depleted", "stock.replenished",
                "stock.low", "stock.restocked", "reservation.expired", "deduction.cancelled", "ledger.drift");
    }

    @Test
    void everyMessageIsJsonTypedWithItsRoutingKey() {
        for (String event : contract.eventNames()) {
            JsonNode message = contract.message(event);
            assertThat(message.path("name").asString()).as(event).isEqualTo(event);
            assertThat(message.path("contentType").asString()).as(event).isEqualTo("application/json");
            assertThat(message.path("bindings").path("amqp").path("messageType").asString()).as(event)
                    .isEqualTo(event);
        }
    }

    @Test
    void everyExampleIsValid() {
        for (String event : contract.eventNames()) {
            assertThat(contract.examples(event)).as(event).isNotEmpty().allSatisfy(example ->
                    assertThat(contract.violations(event, example)).as(event + " " + example).isEmpty());
        }
    }

    @Test
    void rejectsABodyWithoutEventId() {
        String body = STOCK_LOW.formatted(10).replace("\"eventId\": \"019cebab-89f6-7128-a24b-e40ad23f0824\", ", "");

        assertThat(contract.violations("stock.low", body)).singleElement().asString().contains("eventId");
    }

    @Test
    void rejectsAMemberTheDocumentDoesNotName() {
        String body = STOCK_LOW.formatted(10).replace("}", ", \"eventName\": \"stock.low\"}");

        assertThat(contract.violations("stock.low", body)).singleElement().asString().contains("eventName");
    }

    @Test
    void rejectsANegativeThreshold() {
        assertThat(contract.violations("stock.low", STOCK_LOW.formatted(-1))).singleElement().asString()
                .contains("threshold");
    }

    @Test
    void rejectsAnEventIdThatIsNoUuid() {
        String body = STOCK_LOW.formatted(10).replace("019cebab-89f6-7128-a24b-e40ad23f0824", "evt-48250");

        assertThat(contract.violations("stock.low", body)).singleElement().asString().contains("eventId");
    }

    @Test
    void rejectsAnOccurredAtThatIsNoInstant() {
        String body = STOCK_LOW.formatted(10).replace("2026-03-14T09:31:40.905112Z", "14/03/2026 09:31");

        assertThat(contract.violations("stock.low", body)).singleElement().asString().contains("occurredAt");
    }

    @Test
    void checksTheOrderLinesOfAReservation() {
        String line = """
                {"sku": "SKU-1001", "quantity": 3, "location": null,
                 "allocations": [{"location": "WH-EAST", "quantity": 3}]}""";
        assertThat(contract.violations("reservation.expired", RESERVATION_EXPIRED.formatted(line))).isEmpty();

        String withoutAllocations = """
                {"sku": "SKU-1001", "quantity": 3, "location": null}""";
        assertThat(contract.violations("reservation.expired", RESERVATION_EXPIRED.formatted(withoutAllocations)))
                .singleElement().asString().contains("allocations");

        String pinnedToNothing = """
                {"sku": "SKU-1001", "quantity": 3, "allocations": [{"location": "WH-EAST", "quantity": 3}]}""";
        assertThat(contract.violations("reservation.expired", RESERVATION_EXPIRED.formatted(pinnedToNothing)))
                .as("location is always present, null when the line pinned none").singleElement().asString()
                .contains("location");

        String emptyAllocation = """
                {"sku": "SKU-1001", "quantity": 3, "location": "WH-EAST",
                 "allocations": [{"location": "WH-EAST", "quantity": 0}]}""";
        assertThat(contract.violations("reservation.expired", RESERVATION_EXPIRED.formatted(emptyAllocation)))
                .singleElement().asString().contains("quantity");
    }

    @Test
    void namesAnEventItDoesNotKnow() {
        assertThat(contract.violations("stock.created", "{}")).singleElement().asString().contains("stock.created");
    }

    @Test
    void rejectsABodyThatIsNoJson() {
        assertThat(contract.violations("stock.low", "{\"eventId\": ")).singleElement().asString()
                .contains("not JSON");
    }
}
