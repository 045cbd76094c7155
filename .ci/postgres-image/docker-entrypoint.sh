#!/bin/sh
# The entrypoint of CI's local PostgreSQL image: the contract the official 'postgres' image
# documents, and nothing more. POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB set up an empty
# $PGDATA once; arguments starting with '-' are passed to 'postgres'; any other command runs as
# given. PostgreSQL refuses to run as root, so a root container drops to the 'postgres' user.
set -eu

if [ "${1#-}" != "$1" ]; then
	set -- postgres "$@"
fi

if [ "$1" != postgres ]; then
	exec "$@"
fi

as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
	else
		"$@"
	fi
}

if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA"
	chown postgres:postgres "$PGDATA"
	chmod 700 "$PGDATA"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "${POSTGRES_PASSWORD:-}" ]; then
		echo "Error: POSTGRES_PASSWORD is not set: the database would have no password." >&2
		exit 1
	fi
	user="${POSTGRES_USER:-postgres}"
	database="${POSTGRES_DB:-$user}"
	passwords="$(mktemp)"
	printf '%s\n' "$POSTGRES_PASSWORD" > "$passwords"
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$passwords"
	fi
	as_postgres initdb --username="$user" --pwfile="$passwords" --auth-local=trust \
		--auth-host=scram-sha-256 >/dev/null
	rm -f "$passwords"
	printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
	printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
	if [ "$database" != postgres ]; then
		# A server on the socket alone, as the official image does, so that no client connects
		# before the database exists.
		as_postgres pg_ctl --silent --wait --options="-c listen_addresses=''" start
		as_postgres psql --quiet --username="$user" --dbname=postgres \
			--command="CREATE DATABASE \"$database\"" >/dev/null
		as_postgres pg_ctl --silent --wait --mode=fast stop
	fi
	echo "PostgreSQL init process complete; ready for start up."
fi

if [ "$(id -u)" = 0 ]; then
	exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
fi
exec "$@"
