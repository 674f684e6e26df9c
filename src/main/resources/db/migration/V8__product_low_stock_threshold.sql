-- A product's low-stock threshold (PATCH /api/v1/products/{sku}, contract v1.2 §2): null (none, every existing
-- product's value) or 0..1,000,000,000 units, the bounds of stock. The application refuses first; the database checks
-- the same bounds again. A nullable column without a default is added without rewriting the table.
ALTER TABLE product ADD COLUMN low_stock_threshold integer
    CONSTRAINT product_low_stock_threshold_within_limit CHECK (low_stock_threshold BETWEEN 0 AND 1000000000);
