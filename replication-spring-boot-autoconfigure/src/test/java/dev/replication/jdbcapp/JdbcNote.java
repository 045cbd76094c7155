package dev.replication.jdbcapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("note")
public class JdbcNote {

	@Id
	private Long id;

	private String body;

	public JdbcNote(Long id, String body) {
		this.id = id;
		this.body = body;
	}

	public Long getId() {
		return this.id;
	}

	public String getBody() {
		return this.body;
	}

}
