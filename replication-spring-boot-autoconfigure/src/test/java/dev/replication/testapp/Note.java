package dev.replication.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "note")
public class Note {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String body;

	protected Note() {
	}

	public Note(String body) {
		this.body = body;
	}

	public Long getId() {
		return this.id;
	}

	public String getBody() {
		return this.body;
	}

}
