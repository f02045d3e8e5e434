-- dqualizer's authentication table. Its deployment creates it already; this only creates it
-- when missing and never touches existing rows.
CREATE TABLE IF NOT EXISTS users (
    username      VARCHAR(50)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL
);
