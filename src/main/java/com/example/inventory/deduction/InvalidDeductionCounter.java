package com.example.inventory.deduction;

import com.example.inventory.stock.InventoryService;
import com.example.inventory.stock.PlacementMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts deduction requests rejected before they reach the service (invalid body, malformed JSON, unknown
 * strategy) as {@code inventory.deductions{outcome="invalid"}}.
 */
@Configuration(proxyBeanMethods = false)
class InvalidDeductionCounter implements WebMvcConfigurer, HandlerInterceptor {

    private final DeductionMetrics metrics;
    private final InventoryService inventory;

    InvalidDeductionCounter(DeductionMetrics metrics, InventoryService inventory) {
        this.metrics = metrics;
        this.inventory = inventory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/deductions");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if ("POST".equals(request.getMethod()) && response.getStatus() == HttpStatus.BAD_REQUEST.value()) {
            metrics.invalid(strategyTag(request.getParameter("strategy")));
        }
    }

    private String strategyTag(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return inventory.strategyOr(null).value();
        }
        try {
            return PlacementMode.of(requested).value();
        } catch (IllegalArgumentException unknown) {
            return DeductionMetrics.UNKNOWN_STRATEGY;
        }
    }
}
