INSERT INTO types (name) VALUES ('bird'), ('cat'), ('dog'), ('hamster'), ('lizard'), ('snake');

-- 50 owners: ten last names, five owners each (so that a search for "Davis" has one page and a
-- search for "D" or for everyone has several).
INSERT INTO owners (first_name, last_name, address, city, telephone)
SELECT (ARRAY['George', 'Betty', 'Eduardo', 'Harold', 'Peter', 'Jean', 'Jeff', 'Maria', 'David', 'Carlos'])[1 + (n * 3) % 10],
	(ARRAY['Franklin', 'Davis', 'Rodriquez', 'Dubois', 'McTavish', 'Coleman', 'Black', 'Escobito', 'Schroeder', 'Estaban'])[1 + n % 10],
	n || ' Main St.',
	(ARRAY['Madison', 'Sun Prairie', 'McFarland', 'Windsor', 'Monona', 'Waunakee'])[1 + n % 6],
	lpad((6085550000 + n)::text, 10, '0')
FROM generate_series(1, 50) AS n;

-- One to three pets per owner.
INSERT INTO pets (name, birth_date, type_id, owner_id)
SELECT (ARRAY['Leo', 'Basil', 'Rosy', 'Jewel', 'Iggy', 'George', 'Samantha', 'Max', 'Lucky', 'Mulligan', 'Freddy', 'Sly'])[1 + (o.id * 5 + p) % 12] || ' ' || p,
	DATE '2015-01-01' + (o.id * 37 + p * 113) % 3000,
	1 + (o.id + p) % 6,
	o.id
FROM owners o CROSS JOIN generate_series(1, 3) AS p
WHERE p <= 1 + o.id % 3;

-- Two visits for every other pet.
INSERT INTO visits (pet_id, visit_date, description)
SELECT pets.id, DATE '2024-01-01' + (pets.id * 11 + v * 97) % 700,
	(ARRAY['rabies shot', 'neutered', 'spayed', 'check-up', 'dental cleaning'])[1 + (pets.id + v) % 5]
FROM pets CROSS JOIN generate_series(1, 2) AS v
WHERE pets.id % 2 = 0;
