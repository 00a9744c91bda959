// Backs the date-ordered, paged stream of declaration lines.
CREATE INDEX ringscope_shipment_date IF NOT EXISTS FOR (s:Shipment) ON (s.date)
