INSERT INTO app_user (username, display_name) VALUES
	('alice', 'Alice Liddell'),
	('bob', 'Bob Dobbs'),
	('carol', 'Carol Danvers');
