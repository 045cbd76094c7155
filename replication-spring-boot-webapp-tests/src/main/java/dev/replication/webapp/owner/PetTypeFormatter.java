package dev.replication.webapp.owner;

import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * Binds a pet type from the name a form sends, as Spring PetClinic does: a query on every
 * conversion.
 */
@Component
class PetTypeFormatter implements Formatter<PetType> {

	private final OwnerRepository owners;

	PetTypeFormatter(OwnerRepository owners) {
		this.owners = owners;
	}

	@Override
	public String print(PetType petType, Locale locale) {
		return petType.getName();
	}

	@Override
	public PetType parse(String text, Locale locale) throws ParseException {
		for (PetType type : this.owners.findPetTypes()) {
			if (type.getName().equals(text)) {
				return type;
			}
		}
		throw new ParseException("type not found: " + text, 0);
	}

}
