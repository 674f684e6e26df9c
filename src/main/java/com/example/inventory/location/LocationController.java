package com.example.inventory.location;

import com.example.inventory.common.Caller;
import com.example.inventory.common.ProblemType;
import com.example.inventory.stock.LocationView;
import com.example.inventory.web.RequiredScope;
import com.example.inventory.web.openapi.ProblemResponses;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Locations")
@RequestMapping(path = "/api/v1/locations", produces = MediaType.APPLICATION_JSON_VALUE)
class LocationController {

    private final LocationService locations;

    LocationController(LocationService locations) {
        this.locations = locations;
    }

    @PostMapping
    @RequiredScope(Caller.ADMIN)
    @Operation(summary = "Create a location (a warehouse, a store)")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", required = true,
            description = "/api/v1/locations/{code}", schema = @Schema(type = "string")))
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.DUPLICATE_LOCATION})
    ResponseEntity<LocationView> create(@Valid @RequestBody LocationRequests.CreateLocation request) {
        LocationView created = locations.create(request.code(), request.name().strip(), request.priority());
        URI location = UriComponentsBuilder.fromPath("/api/v1/locations/{code}").buildAndExpand(created.code())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{code}")
    @RequiredScope(Caller.READ)
    @Operation(summary = "A location")
    @ProblemResponses(ProblemType.LOCATION_NOT_FOUND)
    LocationView get(@PathVariable String code) {
        return locations.location(code);
    }

    @GetMapping
    @RequiredScope(Caller.READ)
    @Operation(summary = "Every location, preferred first: by priority, then by code",
            description = "A plain JSON array, not a page: a shop has few locations.")
    @ProblemResponses(ProblemType.VALIDATION)
    List<LocationView> list() {
        return locations.all();
    }
}
