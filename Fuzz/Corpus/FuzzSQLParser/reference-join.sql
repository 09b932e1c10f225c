CREATE OR REPLACE STREAM "NAMED" (ticker_symbol VARCHAR(4), company VARCHAR(64), price DOUBLE);
CREATE OR REPLACE PUMP "JOIN_PUMP" AS INSERT INTO "NAMED"
    SELECT STREAM s.ticker_symbol, c."Company", s.price
    FROM "SOURCE_SQL_STREAM_001" AS s
    LEFT JOIN "CompanyNames" AS c ON s.ticker_symbol = c."Ticker";
