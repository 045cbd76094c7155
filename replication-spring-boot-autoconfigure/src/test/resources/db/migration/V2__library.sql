CREATE TABLE author (id bigserial PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id bigserial PRIMARY KEY, title text NOT NULL, author_id bigint NOT NULL REFERENCES author (id));
