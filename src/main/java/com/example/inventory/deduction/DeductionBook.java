package com.example.inventory.deduction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderBook;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.Strategy;

import org.springframework.stereotype.Component;

/** The deductions as an {@link OrderBook}: placing an order deducts the stock of its lines. */
@Component
class DeductionBook implements OrderBook<DeductionOrder> {

    private final DeductionRepository deductions;

    DeductionBook(DeductionRepository deductions) {
        this.deductions = deductions;
    }

    @Override
    public MovementKind movement() {
        return MovementKind.DEDUCT;
    }

    @Override
    public List<DeductionOrder> claim(List<DeductionOrder> orders, Strategy strategy, int attempt) {
        int lineCount = orders.stream().mapToInt(order -> order.lines().size()).sum();
        UUID[] ids = new UUID[orders.size()];
        String[] orderIds = new String[orders.size()];
        Instant[] createdAt = new Instant[orders.size()];
        UUID[] lineDeductionIds = new UUID[lineCount];
        Integer[] lineNumbers = new Integer[lineCount];
        String[] skus = new String[lineCount];
        Integer[] quantities = new Integer[lineCount];
        int line = 0;
        for (int i = 0; i < orders.size(); i++) {
            DeductionOrder order = orders.get(i);
            ids[i] = order.id();
            orderIds[i] = order.orderId();
            createdAt[i] = order.createdAt();
            for (int number = 0; number < order.lines().size(); number++, line++) {
                OrderLine orderLine = order.lines().get(number);
                lineDeductionIds[line] = order.id();
                lineNumbers[line] = number;
                skus[line] = orderLine.sku();
                quantities[line] = orderLine.quantity();
            }
        }
        Set<UUID> claimed = new HashSet<>(deductions.claim(ids, orderIds, createdAt, strategy.value(), attempt,
                lineDeductionIds, lineNumbers, skus, quantities));
        if (claimed.size() == orders.size()) {
            return orders;
        }
        List<DeductionOrder> result = new ArrayList<>(claimed.size());
        for (DeductionOrder order : orders) {
            if (claimed.contains(order.id())) {
                result.add(order);
            }
        }
        return result;
    }

    @Override
    public void unclaim(List<DeductionOrder> orders) {
        if (!orders.isEmpty()) {
            deductions.unclaim(orders.stream().map(DeductionOrder::id).toArray(UUID[]::new));
        }
    }
}
