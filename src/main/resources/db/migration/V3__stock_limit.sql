-- The contract's upper bound of stock, checked by the database too: no restock, cancellation or hand-typed
-- UPDATE can lift a product above 1,000,000,000 units (the application refuses first).
ALTER TABLE product ADD CONSTRAINT product_stock_within_limit CHECK (stock <= 1000000000);
